<?cs # MiVoice Business → Emergency Services (guide §3.1.2): Dialables and the Dynamic Location Provider. ?>
<?cs def:content() ?>
<section class="card">
  <h1><?cs var:Lang.mivb.emergency.title ?></h1>
  <form method="post" action="/a/<?cs var:Account.id ?>/mivb/emergency">
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.Errors.dialables ?> has-error<?cs /if ?>">
      <label for="f-dialables"><?cs var:Lang.mivb.emergency.dialables ?></label>
      <textarea id="f-dialables" name="dialables" rows="2" data-chips="space" data-remove-label="<?cs var:Lang.mivb.chip_remove ?>" data-edit-label="<?cs var:Lang.mivb.chip_edit ?>" aria-describedby="h-dialables<?cs if:Form.Errors.dialables ?> e-dialables<?cs /if ?>"><?cs var:Form.Values.dialables ?></textarea>
      <p class="hint" id="h-dialables"><?cs var:Lang.mivb.emergency.dialables_hint ?></p>
      <?cs if:Form.Errors.dialables ?><p class="error" id="e-dialables"><?cs var:Form.Errors.dialables ?></p><?cs /if ?>
    </div>
    <fieldset>
      <legend><?cs var:Lang.mivb.emergency.provider ?></legend>
      <?cs call:field("name", Lang.mivb.emergency.name, "text", 0, "") ?>
      <?cs call:field("type", Lang.mivb.emergency.type, "text", 0, "") ?>
      <?cs call:field("primary_server", Lang.mivb.emergency.primary, "text", 0, "") ?>
      <?cs call:field("secondary_server", Lang.mivb.emergency.secondary, "text", 0, "") ?>
      <?cs call:field("customer_id", Lang.mivb.emergency.customer_id, "text", 0, "") ?>
      <div class="field">
        <label for="f-secret"><?cs var:Lang.mivb.emergency.secret ?></label>
        <input id="f-secret" name="secret" type="password" autocomplete="new-password" placeholder="<?cs if:Emergency.HasSecret ?>●●●●●●●●<?cs /if ?>" aria-describedby="h-secret">
        <p class="hint" id="h-secret"><?cs if:Emergency.HasSecret ?><?cs var:Lang.mivb.emergency.secret_kept ?><?cs else ?><?cs var:Lang.mivb.emergency.secret_hint ?><?cs /if ?></p>
      </div>
      <div class="field<?cs if:Form.Errors.extra_headers ?> has-error<?cs /if ?>">
        <label for="f-extra_headers"><?cs var:Lang.mivb.emergency.headers ?></label>
        <textarea id="f-extra_headers" name="extra_headers" rows="4" aria-describedby="h-extra_headers<?cs if:Form.Errors.extra_headers ?> e-extra_headers<?cs /if ?>"><?cs var:Form.Values.extra_headers ?></textarea>
        <p class="hint" id="h-extra_headers"><?cs var:Lang.mivb.emergency.headers_hint ?></p>
        <?cs if:Form.Errors.extra_headers ?><p class="error" id="e-extra_headers"><?cs var:Form.Errors.extra_headers ?></p><?cs /if ?>
      </div>
    </fieldset>
    <div class="actions"><button type="submit"><?cs var:Lang.common.save ?></button></div>
  </form>
</section>
<?cs /def ?>
