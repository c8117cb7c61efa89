<?cs def:content() ?>
<?cs with:t = Lang.inventory.launch_page ?>
<link rel="stylesheet" href="/static/css/events.css">
<section class="card narrow" aria-labelledby="launch-title">
  <h1 id="launch-title"><?cs var:t.title ?></h1>
  <p><?cs var:Platform.host ?><?cs if:Launch.app ?> — <?cs var:Launch.app ?><?cs /if ?></p>
  <?cs if:Launch.refused ?>
  <p class="flash flash-error" role="alert"><?cs var:t.refused[Launch.refused] ?></p>
  <?cs else ?>
  <p><a class="button" href="<?cs var:Launch.url ?>" rel="noopener noreferrer" data-launch-link><?cs var:t.open ?></a></p>
  <p class="hint"><?cs var:t.once ?></p>
  <?cs /if ?>
  <div class="actions"><a class="button secondary" href="<?cs var:Platform.href ?>"><?cs var:t.back ?></a></div>
</section>
<?cs /with ?>
<?cs /def ?>
