<?cs include:"gateway/wizard.cs" ?>

<?cs def:connect_button() ?>
<form method="post" action="<?cs var:Wizard.base ?>/connect">
  <?cs call:csrf() ?>
  <input type="hidden" name="action" value="connect">
  <?cs if:Form.Errors.action ?><p class="error" id="e-action" role="alert"><?cs var:Form.Errors.action ?></p><?cs /if ?>
  <div class="actions"><button type="submit"><?cs var:Lang.gateway.gateway_connect.connect ?></button></div>
</form>
<?cs /def ?>

<?cs def:connected() ?>
<?cs with:t = Lang.gateway.gateway_connect ?>
<section class="card">
  <h2><?cs if:Connect.smbc ?><?cs var:t.synced_heading ?><?cs else ?><?cs var:t.connected_heading ?><?cs /if ?></h2>
  <p class="status-line level-ok"><?cs var:t.success ?></p>
  <p data-users-count><?cs var:Link.users_text ?></p>
  <p><?cs var:t.dids ?> <?cs if:subcount(Dids) > 0 ?><?cs each:d = Dids ?><?cs if:name(d) != "0" ?>, <?cs /if ?><span class="did"><?cs var:d.number ?></span><?cs /each ?><?cs
    if:Link.dids_more ?> <?cs var:Link.dids_more ?><?cs /if ?><?cs else ?><?cs var:t.dids_none ?><?cs /if ?></p>
  <?cs if:Link.failing ?><p class="flash flash-error" role="alert"><?cs var:Lang.gateway.status.pbx_failing ?>: <?cs var:Link.last_error ?></p><?cs /if ?>
  <?cs if:Link.no_email > 0 || Link.dup_email > 0 ?>
  <div class="warning-box" role="region" aria-labelledby="irregular-heading">
    <h3 id="irregular-heading"><?cs var:Lang.gateway.status.email_irregular ?></h3>
    <p><?cs var:Link.irregular_text ?> <?cs var:t.irregular_body ?> <a href="/static/support.html"><?cs var:t.need_support ?></a></p>
    <ul>
      <li><a href="<?cs var:Wizard.base ?>/irregular?state=missing"><?cs var:t.list_missing ?></a></li>
      <li><a href="<?cs var:Wizard.base ?>/irregular?state=duplicate"><?cs var:t.list_duplicate ?></a></li>
    </ul>
  </div>
  <?cs /if ?>
  <dl class="summary">
    <dt><?cs var:t.last_success ?></dt><dd><?cs var:date_text(Link.last_success) ?> UTC</dd>
    <dt><?cs var:t.last_attempt ?></dt><dd><?cs var:date_text(Link.last_attempt) ?> UTC</dd>
  </dl>
  <?cs # Sync Now is its own form, so that Enter in the schedule means Next. ?>
  <form method="post" action="<?cs var:Wizard.base ?>/connect" id="sync-now-form"><?cs call:csrf() ?></form>
  <form method="post" action="<?cs var:Wizard.base ?>/connect" novalidate>
    <?cs call:csrf() ?>
    <input type="hidden" name="action" value="next">
    <?cs if:Connect.smbc ?>
      <?cs call:readonly(t.schedule, Link.sync_minutes) ?>
      <p class="hint"><?cs var:t.schedule_fixed ?></p>
    <?cs else ?>
      <?cs call:field("minutes", t.schedule, "text", 0, "") ?>
    <?cs /if ?>
    <?cs if:Form.Errors.action ?><p class="error" id="e-action" role="alert"><?cs var:Form.Errors.action ?></p><?cs /if ?>
    <div class="actions">
      <button type="submit" form="sync-now-form" name="action" value="sync_now" class="secondary"<?cs if:Link.busy ?> disabled<?cs /if ?>>&#x21bb; <?cs var:t.sync_now ?></button>
      <a class="button secondary" href="<?cs var:Wizard.return_href ?>"><?cs var:Lang.gateway.wizard.cancel ?></a>
      <button type="submit"><?cs var:Lang.gateway.wizard.next ?></button>
    </div>
    <?cs if:Link.busy ?><p class="hint"><?cs var:t.sync_busy ?></p><?cs call:wizard_wait() ?><?cs /if ?>
  </form>
</section>
<?cs /with ?>
<?cs /def ?>

<?cs def:content() ?>
<?cs call:wizard_head() ?>
<?cs with:t = Lang.gateway.gateway_connect ?>
<?cs if:Connect.mode == "connected" ?>
  <?cs call:connected() ?>
<?cs elif:Connect.mode == "connecting" ?>
  <section class="card">
    <h2><?cs var:t.connecting ?></h2>
    <?cs if:Form.Errors.action ?><p class="error" id="e-action" role="alert"><?cs var:Form.Errors.action ?></p><?cs /if ?>
    <p><?cs var:t.connecting_text ?></p>
    <?cs call:wizard_wait() ?>
  </section>
<?cs elif:Connect.mode == "failed" ?>
  <section class="card">
    <h2><?cs var:t.failed_heading ?></h2>
    <p class="flash flash-error" role="alert"><?cs var:Link.last_error ?></p>
    <?cs call:connect_button() ?>
  </section>
<?cs elif:Connect.mode == "start" ?>
  <section class="card">
    <h2><?cs var:t.start_heading ?></h2>
    <p><?cs var:t.start_text ?></p>
    <?cs call:connect_button() ?>
  </section>
<?cs else ?>
  <section class="card">
    <h2><?cs var:t.start_heading ?></h2>
    <?cs if:Form.Errors.action ?><p class="error" id="e-action" role="alert"><?cs var:Form.Errors.action ?></p><?cs /if ?>
    <p><?cs var:t.early ?> <a href="<?cs var:Wizard.base ?>/pbx"><?cs var:Lang.gateway.wizard.tabs.pbx ?></a></p>
  </section>
<?cs /if ?>
<?cs /with ?>
<?cs /def ?>
