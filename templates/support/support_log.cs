<?cs # A support log's details (guide §2.10 View a Log). ?>
<?cs include:"support/support_log_parts.cs" ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/support-logs" ?>
<?cs set:here = base + "/" + Log.id ?>
<link rel="stylesheet" href="/static/css/support.css">
<script src="/static/js/support.js" defer></script>
<div class="log-head">
  <a href="<?cs var:base ?>"><?cs var:Lang.support.support_log.return ?></a>
  <a class="button secondary" href="<?cs var:here ?><?cs if:Log.has_report ?>/export<?cs else ?>/logs.zip<?cs /if ?>"><?cs var:Lang.support.support_log.export ?></a>
</div>
<h1><?cs var:Log.title ?></h1>
<p class="log-date"><?cs var:date_text(Log.created) ?></p>

<div class="support-log">
<section class="card" aria-labelledby="h-submission">
  <h2 id="h-submission"><?cs var:Lang.support.support_log.submission ?></h2>
  <?cs call:log_facts() ?>
  <h3><?cs var:Lang.support.support_log.attachments ?></h3>
  <?cs if:subcount(Files) == 0 ?><p class="hint"><?cs var:Lang.support.support_log.no_attachments ?></p><?cs /if ?>
  <ul class="attachments" data-close-label="<?cs var:Lang.support.support_log.close ?>">
  <?cs each:f = Files ?>
    <?cs set:file = here + "/attachment?n=" + f.seq ?>
    <li>
      <?cs if:f.image ?>
      <a class="thumb" href="<?cs var:file ?>&amp;view=1" data-enlarge aria-label="<?cs var:Lang.support.support_log.enlarge ?>: <?cs var:f.name ?>">
        <img src="<?cs var:file ?>&amp;view=1" alt="<?cs var:f.name ?>" loading="lazy">
        <span class="enlarge"><?cs var:Lang.support.support_log.enlarge ?></span>
      </a>
      <?cs /if ?>
      <span class="file-name" title="<?cs var:f.name ?>"><?cs var:f.short_name ?></span>
      <a href="<?cs var:file ?>" download><?cs var:Lang.support.support_log.download ?><span class="visually-hidden"> <?cs var:f.name ?></span></a>
    </li>
  <?cs /each ?>
  </ul>
</section>

<section class="card" aria-labelledby="h-report">
  <h2 id="h-report"><?cs var:Lang.support.support_log.report_details ?></h2>
  <nav class="tabs" aria-label="<?cs var:Lang.support.support_log.tabs_label ?>" data-tabs>
    <?cs each:t = Tabs ?><a href="#tab-<?cs var:t.key ?>" id="tab-link-<?cs var:t.key ?>"><?cs var:t.label ?></a><?cs /each ?>
  </nav>
  <?cs each:t = Tabs ?>
  <section class="tab-panel" id="tab-<?cs var:t.key ?>" aria-labelledby="tab-link-<?cs var:t.key ?>">
    <h3 class="tab-title"><?cs var:t.label ?></h3>
    <?cs call:log_tab_panel(t) ?>
  </section>
  <?cs /each ?>
</section>

<section class="card" aria-labelledby="h-partner-support">
  <h2 id="h-partner-support"><?cs var:Lang.support.support_log.partner_support ?></h2>
  <?cs if:Me.is_partner ?>
  <form method="post" action="<?cs var:here ?>" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.Errors.status ?> has-error<?cs /if ?>">
      <label for="f-status"><?cs var:Lang.support.support_log.status ?></label>
      <select id="f-status" name="status"<?cs if:Form.Errors.status ?> aria-invalid="true" aria-describedby="e-status"<?cs /if ?>>
        <?cs each:s = States ?><option value="<?cs var:s ?>"<?cs if:s == Form.Values.status ?> selected<?cs /if ?>><?cs var:Lang.support.states[s] ?></option><?cs /each ?>
      </select>
      <?cs if:Form.Errors.status ?><p class="error" id="e-status"><?cs var:Form.Errors.status ?></p><?cs /if ?>
    </div>
    <div class="field<?cs if:Form.Errors.notes ?> has-error<?cs /if ?>">
      <label for="f-notes"><?cs var:Lang.support.support_log.notes ?></label>
      <textarea id="f-notes" name="notes" rows="4" maxlength="2000"<?cs if:Form.Errors.notes ?> aria-invalid="true" aria-describedby="e-notes"<?cs /if ?>><?cs var:Form.Values.notes ?></textarea>
      <?cs if:Form.Errors.notes ?><p class="error" id="e-notes"><?cs var:Form.Errors.notes ?></p><?cs /if ?>
    </div>
    <div class="actions"><button type="submit"><?cs var:Lang.support.support_log.save ?></button></div>
  </form>
  <?cs else ?>
  <dl class="facts">
    <dt><?cs var:Lang.support.support_log.status ?></dt><dd><span class="badge state-<?cs var:Log.state ?>"><?cs var:Lang.support.states[Log.state] ?></span></dd>
    <dt><?cs var:Lang.support.support_log.notes ?></dt><dd class="description"><?cs if:Log.notes ?><?cs var:Log.notes ?><?cs else ?><?cs var:Lang.support.support_log.no_notes ?><?cs /if ?></dd>
  </dl>
  <?cs /if ?>
  <?cs if:Log.updated_by_name ?><p class="hint"><?cs var:Lang.support.support_log.updated_by ?> <?cs var:Log.updated_by_name ?>, <?cs var:date_text(Log.updated) ?></p><?cs /if ?>
</section>
</div>
<?cs /def ?>
