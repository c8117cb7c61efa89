<?cs # The fields of a SCIM source (scim_source_new.cs, scim_source.cs). ?>
<?cs def:scim_source_fields(token_hint) ?>
<div class="form-grid">
  <?cs call:field("name", Lang.integrations.scim_source_form.name, "text", 1, "") ?>
  <?cs call:field("base_url", Lang.integrations.scim_source_form.base_url, "url", 1, Lang.integrations.scim_source_form.base_url_hint) ?>
  <?cs call:field("token", Lang.integrations.scim_source_form.token, "password", 0, token_hint) ?>
  <?cs call:field("interval_minutes", Lang.integrations.scim_source_form.interval, "number", 1, Lang.integrations.scim_source_form.interval_hint) ?>
  <?cs call:field("filter", Lang.integrations.scim_source_form.filter, "text", 0, Lang.integrations.scim_source_form.filter_hint) ?>
</div>
<?cs /def ?>
