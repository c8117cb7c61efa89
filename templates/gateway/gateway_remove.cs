<?cs include:"gateway/wizard.cs" ?>
<?cs def:content() ?>
<?cs call:gateway_assets() ?>
<?cs with:t = Lang.gateway.gateway_remove ?>
<section class="dialog" role="dialog" aria-labelledby="confirm-title">
  <h1 id="confirm-title"><?cs var:t.title ?></h1>
  <p><?cs var:t.body ?></p>
  <form method="post" action="<?cs var:Wizard.base ?>/remove">
    <?cs call:csrf() ?>
    <div class="actions">
      <a class="button secondary" href="<?cs var:Wizard.base ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit" class="danger"><?cs var:t.submit ?></button>
    </div>
  </form>
</section>
<?cs /with ?>
<?cs /def ?>
