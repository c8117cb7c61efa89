<?cs def:content() ?>
<?cs with:t = Lang.jobs.job ?>
<?cs set:base = "/a/" + Account.id ?>
<section class="card">
  <h1><?cs var:t.titles[Job.kind] ?></h1>
  <p class="hint"><?cs var:t.started_by ?> <?cs var:Job.created_by_name ?>, <?cs var:date_text(Job.created) ?></p>
  <div class="progress-block" data-job-progress="<?cs var:base ?>/jobs/<?cs var:Job.id ?>/progress" data-job-state="<?cs var:Job.state ?>">
    <label for="job-bar"><?cs var:t.progress ?></label>
    <progress id="job-bar" max="100" value="<?cs var:Job.percent ?>"><?cs var:Job.percent ?>%</progress>
    <span data-job-percent><?cs var:Job.percent ?>%</span>
    <p class="status" role="status"><span data-job-state-label><?cs var:t.states[Job.state_shown] ?></span>:
      <span data-job-processed><?cs var:Job.processed ?></span> <?cs var:t.of ?> <?cs var:Job.total ?></p>
    <?cs if:Job.state == "queued" || Job.state == "running" ?>
      <p class="hint" data-job-refresh><?cs var:t.refresh ?> <a href="<?cs var:base ?>/jobs/<?cs var:Job.id ?>"><?cs var:t.refresh_link ?></a></p>
    <?cs /if ?>
  </div>
<?cs if:Job.state == "done" || Job.state == "failed" ?>
  <h2><?cs var:t.summary ?></h2>
  <dl class="summary">
    <dt><?cs var:t.done_label ?></dt><dd data-summary="done"><?cs var:Job.processed - Job.skipped ?></dd>
    <dt><?cs var:t.skipped_label ?></dt><dd data-summary="skipped"><?cs var:Job.skipped ?></dd>
    <?cs if:Job.kind == "welcome" || Job.kind == "reset" ?>
    <dt><?cs var:t.mail_sent_label ?></dt><dd data-summary="sent"><?cs var:Job.mail_sent ?></dd>
    <dt><?cs var:t.mail_pending_label ?></dt><dd data-summary="pending"><?cs var:Job.mail_pending ?></dd>
    <dt><?cs var:t.mail_failed_label ?></dt><dd data-summary="failed"><?cs var:Job.mail_failed ?></dd>
    <?cs /if ?>
  </dl>
  <?cs if:Job.state == "failed" ?><p class="flash flash-error" role="alert"><?cs var:t.failed_note ?></p><?cs /if ?>
  <?cs if:Job.kind == "import" && Job.skipped > 0 ?><p class="hint"><?cs var:t.import_skipped ?></p><?cs /if ?>
  <?cs if:subcount(Skipped) > 0 ?>
  <div class="table-scroll">
  <table class="list" aria-label="<?cs var:t.skipped_users ?>">
    <thead><tr><th scope="col"><?cs var:t.col_name ?></th><th scope="col"><?cs var:t.col_email ?></th><th scope="col"><?cs var:t.reason ?></th></tr></thead>
    <tbody>
    <?cs each:s = Skipped ?>
      <tr><td><?cs var:s.display_name ?></td><td><?cs var:s.email ?></td><td><?cs var:t.reasons[s.reason] ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
<?cs /if ?>
  <?cs if:Job.kind == "export_events" && Job.state == "done" ?>
  <p><a class="button" href="<?cs var:base ?>/events/exports/<?cs var:Job.id ?>" download><?cs var:t.download ?></a></p>
  <?cs /if ?>
  <?cs # The work goes on in the background: Close leaves at any time (guide §2.15.1). ?>
  <div class="actions"><a class="button" href="<?cs var:Job.close ?>"><?cs var:t.close ?></a></div>
</section>
<?cs /with ?>
<?cs /def ?>
