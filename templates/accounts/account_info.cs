<?cs include:"accounts/account_form.cs" ?>
<?cs include:"integrations/panel.cs" ?>
<?cs include:"subscriptions/panel.cs" ?>

<?cs # A read-only value, or a dash when there is none yet. ?>
<?cs def:shown(label, value) ?>
<?cs if:value ?><?cs call:readonly(label, value) ?><?cs else ?><?cs call:readonly(label, Lang.accounts.account_info.no_value) ?><?cs /if ?>
<?cs /def ?>

<?cs def:account_id_field() ?>
<div class="field readonly">
  <span class="label"><?cs var:Lang.accounts.account_info.account_id ?></span>
  <span class="value"><code><?cs var:Info.id ?></code>
    <button type="button" class="secondary small" data-copy="<?cs var:Info.id ?>" data-copied="<?cs var:Lang.common.copied ?>" aria-label="<?cs var:Lang.accounts.account_info.copy_id ?>"><?cs var:Lang.common.copy ?></button></span>
</div>
<?cs /def ?>

<?cs def:account_fixed_fields() ?>
<?cs call:shown(Lang.accounts.account_info.sap_number, Info.sap_customer_number) ?>
<?cs call:shown(Lang.accounts.account_info.cloud_location, Cloud.Location) ?>
<?cs # PBX Type: once the CloudLink Gateway onboarding is complete (guide §2.3). ?>
<?cs if:Info.pbx_type ?><?cs call:readonly(Lang.accounts.account_info.pbx_type, Info.pbx_type) ?><?cs /if ?>
<?cs /def ?>

<?cs def:content() ?>
<?cs call:integrations_warnings() ?>
<section class="card">
  <h1><?cs var:Lang.accounts.account_info.title ?></h1>
  <?cs if:Can.account.edit ?>
  <form method="post" action="/a/<?cs var:Info.id ?>/info" novalidate>
    <?cs call:csrf() ?>
    <fieldset>
      <legend><?cs var:Lang.accounts.account_form.customer_info ?></legend>
      <?cs call:account_address_fields() ?>
      <?cs call:account_id_field() ?>
      <?cs call:account_choice_fields() ?>
      <?cs call:account_fixed_fields() ?>
    </fieldset>
    <fieldset>
      <legend><?cs var:Lang.accounts.account_form.contacts ?></legend>
      <?cs call:account_contacts_field() ?>
    </fieldset>
    <div class="actions">
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
  <?cs else ?>
  <h2><?cs var:Lang.accounts.account_form.customer_info ?></h2>
  <?cs call:readonly(Lang.accounts.account_form.name, Info.name) ?>
  <?cs call:shown(Lang.accounts.account_form.country, Info.country_name) ?>
  <?cs call:shown(Lang.accounts.account_form.province, Info.province) ?>
  <?cs call:shown(Lang.accounts.account_form.address, Info.address) ?>
  <?cs call:shown(Lang.accounts.account_form.city, Info.city) ?>
  <?cs call:shown(Lang.accounts.account_form.postal_code, Info.postal_code) ?>
  <?cs call:account_id_field() ?>
  <?cs call:shown(Lang.accounts.account_form.default_language, Info.language_name) ?>
  <?cs call:shown(Lang.accounts.account_form.business_type, Info.business_type_name) ?>
  <?cs call:account_fixed_fields() ?>
  <h2><?cs var:Lang.accounts.account_form.contacts ?></h2>
  <?cs call:shown(Lang.accounts.account_form.contacts, Info.contacts) ?>
  <?cs /if ?>
  <?cs if:Me.is_partner && Info.kind == "customer" && (Can.accounts.edit || Can.accounts.delete) ?>
  <div class="actions account-actions">
    <?cs if:Can.accounts.delete ?><a class="button danger" href="/a/<?cs var:Info.id ?>/delete"><?cs var:Lang.accounts.account_info.delete ?></a><?cs /if ?>
    <?cs if:Can.accounts.edit ?><a class="button danger" href="/a/<?cs var:Info.id ?>/deactivate"><?cs var:Lang.accounts.account_info.deactivate ?></a><?cs /if ?>
  </div>
  <?cs /if ?>
</section>
<?cs call:integrations_panel() ?>
<?cs call:call_services_panel() ?>
<?cs call:subscriptions_panel() ?>
<?cs /def ?>
