<?cs # MiVoice Business → Voice Gateway (guide §3.1.2 Voice Gateway). ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/mivb/voice-gateway" ?>
<section class="card">
  <h1><?cs var:Lang.mivb.voice_gateway.title ?></h1>
  <?cs if:Mivb.Unavailable ?><p class="error" role="alert"><?cs var:Mivb.Unavailable ?></p><?cs /if ?>
  <?cs if:Form.Errors.pbx ?><p class="error" role="alert"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
  <details open id="teleworking">
    <summary><h2><?cs var:Lang.mivb.voice_gateway.teleworking ?></h2></summary>
    <?cs if:subcount(Mbgs) ?>
    <table>
      <thead><tr><th scope="col"><?cs var:Lang.mivb.voice_gateway.fqdn_column ?></th><th scope="col"><?cs var:Lang.mivb.voice_gateway.default ?></th></tr></thead>
      <tbody><?cs each:m = Mbgs ?><tr><td><?cs var:m.label ?></td><td><?cs if:m.default ?><?cs var:Lang.mivb.voice_gateway.default ?><?cs /if ?></td></tr><?cs /each ?></tbody>
    </table>
    <?cs if:Gateway.MbgCount > 1 && Gateway.CanSetDefault ?><p><a class="button secondary" href="<?cs var:base ?>/default"><?cs var:Lang.mivb.voice_gateway.set_default ?></a></p><?cs /if ?>
    <?cs if:!Gateway.CanSetDefault ?><p class="hint"><?cs var:Lang.mivb.mbg_default.needs_daemon ?></p><?cs /if ?>
    <?cs /if ?>
    <?cs if:Gateway.Zoom ?>
    <form method="post" action="<?cs var:base ?>">
      <?cs call:csrf() ?>
      <input type="hidden" name="action" value="fqdn">
      <?cs call:field("fqdn", Lang.mivb.voice_gateway.fqdn, "text", 0, Lang.mivb.voice_gateway.fqdn_hint) ?>
      <div class="actions"><button type="submit"><?cs var:Lang.common.save ?></button></div>
    </form>
    <?cs /if ?>
  </details>
  <details open id="sip-trunks">
    <summary><h2><?cs var:Lang.mivb.voice_gateway.sip_trunks ?></h2></summary>
    <form method="post" action="<?cs var:base ?>">
      <?cs call:csrf() ?>
      <input type="hidden" name="action" value="trunks">
      <?cs call:select_field("primary", Lang.mivb.voice_gateway.primary, Nodes, 1) ?>
      <?cs call:select_field("secondary", Lang.mivb.voice_gateway.secondary, Nodes, 0) ?>
      <?cs call:select_field("mbg", Lang.mivb.voice_gateway.mbg, Mbgs, 1) ?>
      <div class="actions"><button type="submit"><?cs var:Lang.common.save ?></button></div>
    </form>
    <?cs if:subcount(Trunks) ?>
    <table>
      <caption><?cs var:Lang.mivb.voice_gateway.trunks ?></caption>
      <tbody><?cs each:t = Trunks ?><tr><td><?cs var:t.id ?></td><td><?cs var:t.kind ?></td></tr><?cs /each ?></tbody>
    </table>
    <?cs /if ?>
  </details>
</section>
<?cs /def ?>
