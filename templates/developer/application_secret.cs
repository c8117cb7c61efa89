<?cs # The client id and the secret, shown this once (guide §2.14.11). ?>
<?cs def:content() ?>
<section class="card">
  <h1><?cs var:Lang.developer.application_secret.title ?></h1>
  <p><strong><?cs var:Secret.Name ?></strong></p>
  <div class="field readonly">
    <span class="label"><?cs var:Lang.developer.application.client_id ?></span>
    <span class="value copy-row"><code class="id" id="client-id"><?cs var:Secret.ClientId ?></code>
      <button type="button" class="secondary small" data-copy="<?cs var:Secret.ClientId ?>" data-copied="<?cs var:Lang.common.copied ?>"><?cs var:Lang.common.copy ?></button></span>
  </div>
  <div class="field readonly">
    <span class="label"><?cs var:Lang.developer.application.client_secret ?></span>
    <span class="value copy-row"><code class="id" id="client-secret"><?cs var:Secret.Value ?></code>
      <button type="button" class="secondary small" data-copy="<?cs var:Secret.Value ?>" data-copied="<?cs var:Lang.common.copied ?>"><?cs var:Lang.common.copy ?></button></span>
  </div>
  <p class="banner warn" role="note"><?cs var:Lang.developer.application_secret.once ?></p>
  <div class="actions"><a class="button" href="<?cs var:Secret.Href ?>"><?cs var:Lang.developer.application_secret.continue ?></a></div>
</section>
<?cs /def ?>
