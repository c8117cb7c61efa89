<?cs include:"integrations/scim_source_fields.cs" ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/integrations/scim-sources" ?>
<section class="card">
  <h1><?cs var:Lang.integrations.scim_source_new.title ?></h1>
  <form method="post" action="<?cs var:base ?>/new" novalidate>
    <?cs call:csrf() ?>
    <?cs call:scim_source_fields(Lang.integrations.scim_source_form.token_hint_new) ?>
    <div class="actions">
      <a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.integrations.scim_source_new.add ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
