<?cs include:"gateway/wizard.cs" ?>

<?cs # A select of HDF options (value, label) with a prompt while nothing is chosen. ?>
<?cs def:choice(name, label, options, prompt) ?>
<div class="field<?cs if:Form.Errors[name] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?> <span class="req" aria-hidden="true">*</span></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>" aria-required="true"<?cs
    if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
    <?cs if:!Form.Values[name] ?><option value=""><?cs var:prompt ?></option><?cs /if ?>
    <?cs each:o = options ?><option value="<?cs var:o.value ?>"<?cs if:o.value == Form.Values[name] ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
  </select>
  <?cs if:Form.Errors[name] ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?>
</div>
<?cs /def ?>

<?cs def:claim_form() ?>
<?cs with:t = Lang.gateway.gateway_code ?>
<section class="card">
  <h2><?cs var:t.heading ?></h2>
  <p><?cs var:t.intro ?></p>
  <?cs if:Site.pending_until ?>
  <p class="status-line level-incomplete"><?cs var:t.pending ?> <?cs var:date_text(Site.pending_until) ?> UTC.</p>
  <?cs call:wizard_wait() ?>
  <?cs /if ?>
  <form method="post" action="<?cs var:Wizard.base ?>/claim" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("code", t.code, "text", 1, t.code_hint) ?>
    <?cs call:wizard_actions(t.submit) ?>
  </form>
</section>
<?cs /with ?>
<?cs /def ?>

<?cs def:site_form() ?>
<?cs with:t = Lang.gateway.gateway_site ?>
<form method="post" action="<?cs var:Wizard.base ?>/site" novalidate class="card" data-site-form>
  <?cs call:csrf() ?>
  <?cs call:form_error() ?>
  <fieldset>
    <legend><?cs var:t.heading ?></legend>
    <details class="checklist"><summary><?cs var:t.checklist ?></summary>
      <ul><li><?cs var:t.check_lan ?></li><li><?cs var:t.check_pbx ?></li><li><?cs var:t.check_address ?></li></ul>
    </details>
    <div class="form-grid">
      <?cs call:field("site_name", t.site_name, "text", 1, "") ?>
      <?cs call:field("address", t.address, "text", 0, "") ?>
      <?cs call:field("city", t.city, "text", 1, "") ?>
      <?cs call:choice("country", t.country, Options.countries, t.choose_country) ?>
      <?cs call:field("province", t.province, "text", 1, "") ?>
      <?cs call:field("postal_code", t.postal_code, "text", 1, "") ?>
    </div>
  </fieldset>
  <?cs if:Site.virtual ?>
  <p class="hint"><?cs var:t.virtual ?></p>
  <?cs else ?>
  <fieldset class="ethernet">
    <legend><?cs var:t.ethernet ?></legend>
    <fieldset class="port" data-eth>
      <legend><?cs var:t.port ?></legend>
      <div class="segmented<?cs if:Form.Errors.eth_mode ?> has-error<?cs /if ?>">
        <label><input type="radio" name="eth_mode" value="dhcp"<?cs if:Form.Values.eth_mode != "static" ?> checked<?cs /if ?>> <?cs var:t.dhcp ?></label>
        <label><input type="radio" name="eth_mode" value="static"<?cs if:Form.Values.eth_mode == "static" ?> checked<?cs /if ?>> <?cs var:t.static ?></label>
        <?cs if:Form.Errors.eth_mode ?><p class="error" id="e-eth_mode"><?cs var:Form.Errors.eth_mode ?></p><?cs /if ?>
      </div>
      <div class="static-fields" data-static-fields>
        <div class="form-grid">
          <?cs call:field("ip_address", t.ip_address, "text", 1, t.ip_address_hint) ?>
          <?cs call:field("subnet_mask", t.subnet_mask, "text", 1, t.subnet_mask_hint) ?>
          <?cs call:field("default_gateway", t.default_gateway, "text", 1, t.default_gateway_hint) ?>
        </div>
        <div class="field dns-field<?cs if:Form.Errors.dns ?> has-error<?cs /if ?>" data-dns
          data-add-label="<?cs var:t.add_dns ?>" data-remove-label="<?cs var:t.remove_dns ?>">
          <label for="f-dns"><?cs var:t.dns ?> <span class="req" aria-hidden="true">*</span></label>
          <input id="f-dns" name="dns" type="text" value="<?cs var:Form.Values.dns ?>" aria-required="true"<?cs
            if:Form.Errors.dns ?> aria-invalid="true"<?cs /if ?> aria-describedby="h-dns<?cs if:Form.Errors.dns ?> e-dns<?cs /if ?>">
          <p class="hint" id="h-dns"><?cs var:t.dns_hint ?></p>
          <?cs if:Form.Errors.dns ?><p class="error" id="e-dns"><?cs var:Form.Errors.dns ?></p><?cs /if ?>
        </div>
      </div>
    </fieldset>
  </fieldset>
  <?cs /if ?>
  <?cs call:wizard_actions(Lang.gateway.wizard.next) ?>
</form>
<?cs /with ?>
<?cs /def ?>

<?cs def:content() ?>
<?cs call:wizard_head() ?>
<?cs if:Form.Errors.code && Site.mode != "claim" ?><p class="error" id="e-code"><?cs var:Form.Errors.code ?></p><?cs /if ?>
<?cs if:Site.mode == "claim" ?>
  <?cs call:claim_form() ?>
<?cs elif:Site.mode == "waiting" ?>
  <section class="card">
    <h2><?cs var:Lang.gateway.gateway_site.heading ?></h2>
    <p class="status-line level-incomplete"><?cs var:Lang.gateway.gateway_site.waiting ?></p>
    <?cs call:wizard_wait() ?>
  </section>
<?cs else ?>
  <?cs call:site_form() ?>
<?cs /if ?>
<?cs /def ?>
