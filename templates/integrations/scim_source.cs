<?cs include:"integrations/scim_source_fields.cs" ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/integrations/scim-sources" ?>
<section class="card">
  <h1><?cs var:Source.name ?></h1>
  <section aria-labelledby="pull-title">
    <h2 id="pull-title"><?cs var:Lang.integrations.scim_source.last_pull ?></h2>
    <p><?cs var:Lang.integrations.scim_source.last_attempt ?>: <?cs if:Source.last_attempt ?><?cs var:date_text(Source.last_attempt) ?> UTC<?cs else ?><?cs var:Lang.integrations.scim_sources.never ?><?cs /if ?>
      <?cs if:Source.running ?>(<?cs var:Lang.integrations.scim_source.running ?>)<?cs elif:Source.due_now ?>(<?cs var:Lang.integrations.scim_source.due ?>)<?cs /if ?></p>
    <p><?cs var:Lang.integrations.scim_sources.last_success ?>: <?cs if:Source.last_success ?><?cs var:date_text(Source.last_success) ?> UTC<?cs else ?><?cs var:Lang.integrations.scim_sources.never ?><?cs /if ?></p>
    <?cs if:Source.last_error ?><p class="error" role="alert"><?cs var:Source.last_error ?></p><?cs /if ?>
    <?cs if:Source.has_result ?>
    <table class="counts">
      <tr><th scope="row"><?cs var:Lang.integrations.scim_source.fetched ?></th><td><?cs var:Source.result.fetched ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.scim_source.added ?></th><td><?cs var:Source.result.added ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.scim_source.changed ?></th><td><?cs var:Source.result.changed ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.scim_source.removed ?></th><td><?cs var:Source.result.removed ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.scim_source.released ?></th><td><?cs var:Source.result.released ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.scim_source.skipped ?></th><td><?cs var:Source.result.skipped ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.scim_source.seconds ?></th><td><?cs var:Source.result.seconds ?></td></tr>
    </table>
    <?cs /if ?>
    <?cs if:Source.can_edit ?>
    <form method="post" action="<?cs var:base ?>/<?cs var:Source.id ?>/sync">
      <?cs call:csrf() ?>
      <button type="submit" class="secondary"><?cs var:Lang.integrations.scim_source.sync_now ?></button>
    </form>
    <?cs /if ?>
  </section>
  <?cs if:Source.can_edit ?>
  <form method="post" action="<?cs var:base ?>/<?cs var:Source.id ?>" novalidate>
    <?cs call:csrf() ?>
    <?cs call:scim_source_fields(Lang.integrations.scim_source_form.token_hint_edit) ?>
    <div class="actions">
      <a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.cancel ?></a>
      <?cs if:Source.can_delete ?><a class="button secondary danger" href="<?cs var:base ?>/<?cs var:Source.id ?>/delete"><?cs var:Lang.common.delete ?></a><?cs /if ?>
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
  <?cs /if ?>
  <p class="hint"><?cs var:Lang.integrations.scim_source.added_by ?> <?cs var:Source.created_by ?>, <?cs var:date_text(Source.created) ?> UTC</p>
</section>
<?cs /def ?>
