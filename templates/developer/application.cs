<?cs include:"developer/application_form.cs" ?>
<?cs def:content() ?>
<?cs call:application_head("details") ?>
<section class="card">
  <h2><?cs var:Lang.developer.application.credentials ?></h2>
  <div class="field readonly">
    <span class="label"><?cs var:Lang.developer.application.client_id ?></span>
    <span class="value copy-row"><code class="id"><?cs var:App.client_id ?></code>
      <button type="button" class="secondary small" data-copy="<?cs var:App.client_id ?>" data-copied="<?cs var:Lang.common.copied ?>"><?cs var:Lang.common.copy ?></button></span>
  </div>
  <div class="field readonly">
    <span class="label"><?cs var:Lang.developer.application.client_secret ?></span>
    <span class="value"><?cs var:Lang.developer.application.secret_hidden ?> <?cs var:date_text(App.secret_created) ?> UTC</span>
  </div>
  <form method="post" action="/developer/<?cs var:App.id ?>/secret">
    <?cs call:csrf() ?>
    <p class="hint"><?cs var:Lang.developer.application.regenerate_hint ?></p>
    <button type="submit" class="secondary"><?cs var:Lang.developer.application.regenerate ?></button>
  </form>
</section>
<section class="card">
  <h2><?cs var:Lang.developer.application.details ?></h2>
  <form method="post" action="/developer/<?cs var:App.id ?>" novalidate>
    <?cs call:csrf() ?>
    <?cs call:application_fields() ?>
    <div class="actions"><button type="submit"><?cs var:Lang.common.save ?></button></div>
  </form>
</section>
<?cs /def ?>
