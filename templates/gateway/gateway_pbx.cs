<?cs include:"gateway/wizard.cs" ?>

<?cs def:pbx_form() ?>
<?cs with:t = Lang.gateway.gateway_pbx ?>
<?cs set:mivb = Form.Values.pbx_type == "mivb" ?>
<form method="post" action="<?cs var:Wizard.base ?>/pbx" novalidate class="card" data-pbx-form>
  <?cs call:csrf() ?>
  <?cs call:form_error() ?>
  <fieldset>
    <legend><?cs if:Pbx.smbc ?><?cs var:t.smbc_heading ?><?cs else ?><?cs var:t.heading ?><?cs /if ?></legend>
    <?cs if:Pbx.smbc ?><p class="hint"><?cs var:t.smbc_intro ?></p><?cs /if ?>
    <div class="field<?cs if:Form.Errors.pbx_type ?> has-error<?cs /if ?>">
      <label for="f-pbx_type"><?cs var:t.pbx_type ?> <span class="req" aria-hidden="true">*</span></label>
      <select id="f-pbx_type" name="pbx_type" aria-required="true" data-pbx-type<?cs
        if:Form.Errors.pbx_type ?> aria-invalid="true" aria-describedby="e-pbx_type"<?cs /if ?>>
        <?cs if:!Form.Values.pbx_type ?><option value=""><?cs var:t.choose_type ?></option><?cs /if ?>
        <?cs each:o = Options.pbx_types ?><option value="<?cs var:o.value ?>"<?cs if:o.mbg ?> data-mbg<?cs /if ?><?cs
          if:o.value == Form.Values.pbx_type ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
      </select>
      <p class="hint" data-mivb-only><?cs var:t.mivb_hint ?></p>
      <?cs if:Form.Errors.pbx_type ?><p class="error" id="e-pbx_type"><?cs var:Form.Errors.pbx_type ?></p><?cs /if ?>
    </div>
    <div class="form-grid">
      <?cs call:field("pbx_name", t.pbx_name, "text", 1, "") ?>
      <div data-host-label="<?cs var:t.host ?>" data-host-label-mivb="<?cs var:t.host_mivb ?>">
        <?cs if:mivb ?><?cs call:field("host", t.host_mivb, "text", 1, t.host_hint) ?><?cs
        else ?><?cs call:field("host", t.host, "text", 1, t.host_hint) ?><?cs /if ?>
      </div>
      <?cs call:field("port", t.port, "text", 1, "") ?>
      <?cs call:field("username", t.username, "text", 1, "") ?>
      <?cs call:field("password", t.password, "password", 1, "") ?>
    </div>
  </fieldset>
  <fieldset class="mivb" data-mivb-only>
    <legend><?cs var:t.mivb ?></legend>
    <div class="form-grid">
      <?cs call:field("mbg_host", t.mbg_host, "text", 1, "") ?>
      <?cs call:field("mbg_password", t.mbg_password, "password", 1, "") ?>
      <?cs call:field("micollab_host", t.micollab_host, "text", 0, t.micollab_hint) ?>
      <?cs call:field("micollab_password", t.micollab_password, "password", 0, "") ?>
    </div>
  </fieldset>
  <?cs call:wizard_actions(Lang.gateway.wizard.next) ?>
</form>
<?cs /with ?>
<?cs /def ?>

<?cs def:pbx_linked() ?>
<?cs with:t = Lang.gateway.gateway_pbx ?>
<section class="card">
  <h2><?cs if:Pbx.smbc ?><?cs var:t.smbc_heading ?><?cs else ?><?cs var:t.heading ?><?cs /if ?></h2>
  <?cs call:form_error() ?>
  <p class="hint"><?cs var:t.linked ?></p>
  <?cs call:readonly(t.pbx_type, Link.type_label) ?>
  <?cs call:readonly(t.pbx_name, Link.name) ?>
  <?cs if:Link.mbg ?><?cs call:readonly(t.host_mivb, Link.host) ?><?cs else ?><?cs call:readonly(t.host, Link.host) ?><?cs /if ?>
  <?cs call:readonly(t.port, Link.port) ?>
  <?cs call:readonly(t.username, Link.username) ?>
  <?cs call:readonly(t.password, t.hidden) ?>
  <?cs if:Link.mbg ?>
    <?cs call:readonly(t.mbg_host, Link.mbg_host) ?>
    <?cs call:readonly(t.mbg_password, t.hidden) ?>
    <?cs if:Link.micollab_host ?>
      <?cs call:readonly(t.micollab_host, Link.micollab_host) ?>
      <?cs call:readonly(t.micollab_password, t.hidden) ?>
    <?cs /if ?>
  <?cs /if ?>
  <div class="actions"><a class="button" href="<?cs var:Wizard.base ?>/connect"><?cs var:Lang.gateway.wizard.next ?></a></div>
</section>
<?cs /with ?>
<?cs /def ?>

<?cs def:content() ?>
<?cs call:wizard_head() ?>
<?cs if:Pbx.mode == "form" ?>
  <?cs call:pbx_form() ?>
<?cs elif:Pbx.mode == "linked" ?>
  <?cs call:pbx_linked() ?>
<?cs else ?>
  <section class="card">
    <h2><?cs var:Lang.gateway.gateway_pbx.heading ?></h2>
    <?cs call:form_error() ?>
    <p><?cs var:Lang.gateway.gateway_pbx.early ?> <a href="<?cs var:Wizard.base ?>/site"><?cs var:Lang.gateway.wizard.tabs.site ?></a></p>
  </section>
<?cs /if ?>
<?cs /def ?>
