<?cs include:"accounts/account_form.cs" ?>

<?cs # A read-only value, or a dash when there is none yet. ?>
<?cs def:shown(label, value) ?>
<?cs if:value ?><?cs call:readonly(label, value) ?><?cs else ?><?cs call:readonly(label, Lang.account.no_value) ?><?cs /if ?>
<?cs /def ?>

<?cs def:account_id_field() ?>
<div class="field readonly">
  <span class="label"><?cs var:Lang.account.account_id ?></span>
  <span class="value"><code><?cs var:Info.id ?></code>
    <button type="button" class="secondary small" data-copy="<?cs var:Info.id ?>" data-copied="<?cs var:Lang.common.copied ?>" aria-label="<?cs var:Lang.account.copy_id ?>"><?cs var:Lang.common.copy ?></button></span>
</div>
<?cs /def ?>

<?cs def:account_fixed_fields() ?>
<?cs call:shown(Lang.account.sap_number, Info.sap_customer_number) ?>
<?cs call:shown(Lang.account.cloud_location, Cloud.Location) ?>
<?cs call:shown(Lang.account.pbx_type, Info.pbx_type) ?>
<?cs /def ?>

<?cs def:content() ?>
<section class="card">
  <h1><?cs var:Lang.account.info_title ?></h1>
  <?cs if:Can.account.edit ?>
  <form method="post" action="/a/<?cs var:Info.id ?>/info" novalidate>
    <?cs call:csrf() ?>
    <fieldset>
      <legend><?cs var:Lang.account.customer_info ?></legend>
      <?cs call:account_address_fields() ?>
      <?cs call:account_id_field() ?>
      <?cs call:account_choice_fields() ?>
      <?cs call:account_fixed_fields() ?>
    </fieldset>
    <fieldset>
      <legend><?cs var:Lang.account.contacts ?></legend>
      <?cs call:account_contacts_field() ?>
    </fieldset>
    <div class="actions">
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
  <?cs else ?>
  <h2><?cs var:Lang.account.customer_info ?></h2>
  <?cs call:readonly(Lang.account.name, Info.name) ?>
  <?cs call:shown(Lang.account.country, Info.country_name) ?>
  <?cs call:shown(Lang.account.province, Info.province) ?>
  <?cs call:shown(Lang.account.address, Info.address) ?>
  <?cs call:shown(Lang.account.city, Info.city) ?>
  <?cs call:shown(Lang.account.postal_code, Info.postal_code) ?>
  <?cs call:account_id_field() ?>
  <?cs call:shown(Lang.account.default_language, Info.language_name) ?>
  <?cs call:shown(Lang.account.business_type, Info.business_type_name) ?>
  <?cs call:account_fixed_fields() ?>
  <h2><?cs var:Lang.account.contacts ?></h2>
  <?cs call:shown(Lang.account.contacts, Info.contacts) ?>
  <?cs /if ?>
  <?cs if:Me.is_partner && Info.kind == "customer" && (Can.accounts.edit || Can.accounts.delete) ?>
  <div class="actions account-actions">
    <?cs if:Can.accounts.delete ?><a class="button danger" href="/a/<?cs var:Info.id ?>/delete"><?cs var:Lang.account.delete ?></a><?cs /if ?>
    <?cs if:Can.accounts.edit ?><a class="button danger" href="/a/<?cs var:Info.id ?>/deactivate"><?cs var:Lang.account.deactivate ?></a><?cs /if ?>
  </div>
  <?cs /if ?>
</section>
<?cs /def ?>
