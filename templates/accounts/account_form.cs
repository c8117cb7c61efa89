<?cs # The customer-information fields shared by Add Account (account_new.cs)
     and Account Information (account_info.cs). ?>

<?cs # A select whose first choice is a prompt ("" — the field's required
     message if submitted) while nothing is chosen, or a blank when optional. ?>
<?cs def:account_select(name, label, options, required, prompt) ?>
<div class="field<?cs if:Form.Errors[name] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs
    if:required ?> aria-required="true"<?cs /if ?><?cs
    if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
    <?cs if:!required || !Form.Values[name] ?><option value=""><?cs var:prompt ?></option><?cs /if ?>
    <?cs each:o = options ?><option value="<?cs var:o.value ?>"<?cs if:o.value == Form.Values[name] ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
  </select>
  <?cs if:Form.Errors[name] ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?>
</div>
<?cs /def ?>

<?cs def:account_address_fields() ?>
<?cs call:field("name", Lang.accounts.account_form.name, "text", 1, "") ?>
<?cs call:account_select("country", Lang.accounts.account_form.country, Options.countries, 1, Lang.accounts.account_form.choose_country) ?>
<?cs call:field("province", Lang.accounts.account_form.province, "text", 0, "") ?>
<?cs call:field("address", Lang.accounts.account_form.address, "text", 1, "") ?>
<?cs call:field("city", Lang.accounts.account_form.city, "text", 1, "") ?>
<?cs call:field("postal_code", Lang.accounts.account_form.postal_code, "text", 1, "") ?>
<?cs /def ?>

<?cs def:account_choice_fields() ?>
<?cs call:account_select("default_language", Lang.accounts.account_form.default_language, Options.languages, 1, Lang.accounts.account_form.choose_language) ?>
<?cs call:account_select("business_type", Lang.accounts.account_form.business_type, Options.business_types, 0, "") ?>
<?cs /def ?>

<?cs # Without JavaScript a list of addresses; console.js turns it into chips
     with an X each and an input that suggests partner users (for partner
     users: data-suggest) and adds an address on Enter. ?>
<?cs def:account_contacts_field() ?>
<div class="contacts-picker" data-contacts<?cs if:Me.is_partner ?> data-suggest="/support-contacts"<?cs /if ?>
  data-add-hint="<?cs var:Lang.accounts.support_contacts.add_hint ?>"
  data-remove-label="<?cs var:Lang.accounts.support_contacts.remove ?>" data-invalid="<?cs var:Lang.errors.invalid_emails ?>"
  data-results-label="<?cs var:Lang.accounts.support_contacts.results ?>">
<?cs call:field("contacts", Lang.accounts.account_form.contacts, "text", 1, Lang.accounts.account_form.contacts_hint) ?>
</div>
<?cs /def ?>
