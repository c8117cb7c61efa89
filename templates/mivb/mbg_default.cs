<?cs # Set Default MBG (guide §3.1.2 Voice Gateway). ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="mbg-title">
  <h1 id="mbg-title"><?cs var:Lang.mivb.mbg_default.title ?></h1>
  <?cs if:Mivb.Unavailable ?><p class="error" role="alert"><?cs var:Mivb.Unavailable ?></p><?cs /if ?>
  <form method="post" action="/a/<?cs var:Account.id ?>/mivb/voice-gateway/default">
    <?cs call:csrf() ?>
    <?cs if:Form.Errors.pbx ?><p class="error" role="alert"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
    <?cs call:select_field("mbg", Lang.mivb.voice_gateway.mbg, Mbgs, 1) ?>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/mivb/voice-gateway"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
