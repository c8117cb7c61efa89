<?cs # The Single Sign-On dialog (guide §3.2.2.1; ch3 §6.1), as a page of its own. ?>
<?cs def:copy_value(id, label, value) ?>
<div class="field readonly copy-value">
  <label for="<?cs var:id ?>"><?cs var:label ?></label>
  <span class="value"><input id="<?cs var:id ?>" type="text" readonly value="<?cs var:value ?>">
    <button type="button" class="secondary small" data-copy="<?cs var:value ?>" data-copied="<?cs var:Lang.common.copied ?>"
      aria-label="<?cs var:Lang.common.copy ?> <?cs var:label ?>"><?cs var:Lang.common.copy ?></button></span>
</div>
<?cs /def ?>

<?cs def:content() ?>
<?cs with:t = Lang.integrations.sso_settings ?>
<section class="card sso-settings">
  <h1><?cs var:t.title ?></h1>
  <p><?cs var:t.intro ?></p>
  <p class="sso-status status-<?cs var:SSO.Status.Level ?>" role="status"><span class="label"><?cs var:t.status ?>:</span> <?cs var:SSO.Status.Text ?></p>
  <form method="post" action="/a/<?cs var:Account.id ?>/integrations/sso" enctype="multipart/form-data" novalidate>
    <?cs call:csrf() ?>
    <fieldset>
      <legend><?cs var:t.step1 ?></legend>
      <p class="hint"><?cs var:t.step1_text ?> <?cs var:t.step1_advice ?></p>
      <?cs call:field("idp_name", t.idp_name, "text", 1, "") ?>
    </fieldset>
    <fieldset>
      <legend><?cs var:t.step2 ?></legend>
      <p class="hint"><?cs var:t.step2_text ?></p>
      <?cs call:copy_value("sso-entity-id", t.entity_id, SSO.EntityID) ?>
      <?cs call:copy_value("sso-reply-url", t.reply_url, SSO.ReplyURL) ?>
      <p><a href="<?cs var:SSO.MetadataPath ?>" download><?cs var:t.metadata_download ?></a></p>
    </fieldset>
    <fieldset>
      <legend><?cs var:t.step3 ?></legend>
      <p class="hint"><?cs var:t.step3_text ?></p>
      <?cs call:field("sign_in_url", t.sign_in_url, "url", 1, "") ?>
      <?cs call:field("idp_entity_id", t.idp_entity_id, "text", 1, "") ?>
      <div class="field<?cs if:Form.Errors.certificates ?> has-error<?cs /if ?>">
        <label for="f-certificates"><?cs var:t.certificates ?> <span class="req" aria-hidden="true">*</span></label>
        <textarea id="f-certificates" name="certificates" rows="8" spellcheck="false" aria-required="true"
          aria-describedby="h-certificates<?cs if:Form.Errors.certificates ?> e-certificates<?cs /if ?>"<?cs
          if:Form.Errors.certificates ?> aria-invalid="true"<?cs /if ?>><?cs var:Form.Values.certificates ?></textarea>
        <p class="hint" id="h-certificates"><?cs var:t.certificates_hint ?></p>
        <?cs if:Form.Errors.certificates ?><p class="error" id="e-certificates"><?cs var:Form.Errors.certificates ?></p><?cs /if ?>
      </div>
      <div class="field<?cs if:Form.Errors.metadata ?> has-error<?cs /if ?>">
        <label for="f-metadata"><?cs var:t.metadata ?></label>
        <input id="f-metadata" name="metadata" type="file" accept=".xml,application/xml,text/xml,application/samlmetadata+xml"
          aria-describedby="h-metadata<?cs if:Form.Errors.metadata ?> e-metadata<?cs /if ?>"<?cs if:Form.Errors.metadata ?> aria-invalid="true"<?cs /if ?>>
        <p class="hint" id="h-metadata"><?cs var:t.metadata_hint ?></p>
        <?cs if:Form.Errors.metadata ?><p class="error" id="e-metadata"><?cs var:Form.Errors.metadata ?></p><?cs /if ?>
        <button type="submit" name="action" value="read" class="secondary small"><?cs var:t.read_metadata ?></button>
      </div>
      <?cs if:SSO.Certificates.0.sha256 ?>
      <div class="table-scroll">
        <table>
          <caption><?cs var:t.saved_certificates ?></caption>
          <thead><tr><th scope="col"><?cs var:t.cert_subject ?></th><th scope="col"><?cs var:t.cert_expires ?></th><th scope="col"><?cs var:t.cert_fingerprint ?></th></tr></thead>
          <tbody>
          <?cs each:c = SSO.Certificates ?>
            <tr><td><?cs var:c.subject ?></td><td><?cs var:date_text(c.not_after) ?></td><td><code><?cs var:c.sha256 ?></code></td></tr>
          <?cs /each ?>
          </tbody>
        </table>
      </div>
      <p class="hint"><?cs var:t.renew ?></p>
      <?cs /if ?>
    </fieldset>
    <fieldset>
      <legend><?cs var:t.optional ?></legend>
      <div class="field toggle">
        <input id="f-mitel_credentials" name="mitel_credentials" type="checkbox" value="1"
          aria-describedby="h-mitel_credentials"<?cs if:Form.Values.mitel_credentials ?> checked<?cs /if ?>>
        <label for="f-mitel_credentials"><?cs var:t.mitel_credentials ?></label>
        <p class="hint" id="h-mitel_credentials"><?cs var:t.mitel_credentials_note ?></p>
      </div>
    </fieldset>
    <?cs if:SSO.Updated ?><p class="hint"><?cs var:t.updated ?>: <?cs var:date_text(SSO.Updated) ?> UTC, <?cs var:SSO.UpdatedBy ?></p><?cs /if ?>
    <div class="actions">
      <?cs if:SSO.Configured && Can.integrations.delete ?><a class="button danger" href="/a/<?cs var:Account.id ?>/integrations/sso/remove"><?cs var:t.remove ?></a><?cs /if ?>
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/info"><?cs var:Lang.common.cancel ?></a>
      <?cs if:Can.integrations.edit ?><button type="submit" name="action" value="save"><?cs var:t.save ?></button><?cs /if ?>
    </div>
  </form>
</section>
<?cs /with ?>
<?cs /def ?>
