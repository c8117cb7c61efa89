<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id ?>
<section class="card">
  <?cs # The Account Managers actions lead back to their screen, the others to the users. ?>
  <?cs if:Job.kind == "convert" || Job.kind == "upgrade" || Job.kind == "assign" || Job.kind == "unassign" ?>
    <p><a href="/account-managers">&lt; <?cs var:Lang.account_managers.back ?></a></p>
  <?cs else ?>
    <p><a href="<?cs var:base ?>/users">&lt; <?cs var:Lang.users.manage.return ?></a></p>
  <?cs /if ?>
  <h1><?cs var:Lang.jobs.titles[Job.kind] ?></h1>
  <p class="hint"><?cs var:Lang.jobs.started_by ?> <?cs var:Job.created_by_name ?>, <?cs var:Job.created ?></p>
  <div class="progress-block" data-job-progress="<?cs var:base ?>/jobs/<?cs var:Job.id ?>/progress" data-job-state="<?cs var:Job.state ?>">
    <label for="job-bar"><?cs var:Lang.jobs.progress ?></label>
    <progress id="job-bar" max="100" value="<?cs var:Job.percent ?>"><?cs var:Job.percent ?>%</progress>
    <span data-job-percent><?cs var:Job.percent ?>%</span>
    <p class="status" role="status"><span data-job-state-label><?cs var:Lang.jobs.states[Job.state] ?></span>:
      <span data-job-processed><?cs var:Job.processed ?></span> <?cs var:Lang.jobs.of ?> <?cs var:Job.total ?></p>
    <?cs if:Job.state == "queued" || Job.state == "running" ?>
      <p class="hint" data-job-refresh><?cs var:Lang.jobs.refresh ?> <a href="<?cs var:base ?>/jobs/<?cs var:Job.id ?>"><?cs var:Lang.jobs.refresh_link ?></a></p>
    <?cs /if ?>
  </div>
<?cs if:Job.state == "done" || Job.state == "failed" ?>
  <h2><?cs var:Lang.jobs.summary ?></h2>
  <dl class="summary">
    <dt><?cs var:Lang.jobs.done_label ?></dt><dd data-summary="done"><?cs var:Job.processed - Job.skipped ?></dd>
    <dt><?cs var:Lang.jobs.skipped_label ?></dt><dd data-summary="skipped"><?cs var:Job.skipped ?></dd>
    <?cs if:Job.kind == "welcome" || Job.kind == "reset" ?>
    <dt><?cs var:Lang.jobs.mail_sent_label ?></dt><dd data-summary="sent"><?cs var:Job.mail_sent ?></dd>
    <dt><?cs var:Lang.jobs.mail_pending_label ?></dt><dd data-summary="pending"><?cs var:Job.mail_pending ?></dd>
    <dt><?cs var:Lang.jobs.mail_failed_label ?></dt><dd data-summary="failed"><?cs var:Job.mail_failed ?></dd>
    <?cs /if ?>
  </dl>
  <?cs if:Job.state == "failed" ?><p class="flash flash-error" role="alert"><?cs var:Lang.jobs.failed_note ?></p><?cs /if ?>
  <?cs if:subcount(Skipped) > 0 ?>
  <table class="list" aria-label="<?cs var:Lang.jobs.skipped_users ?>">
    <thead><tr><th scope="col"><?cs var:Lang.users.users.col_name ?></th><th scope="col"><?cs var:Lang.users.users.col_email ?></th><th scope="col"><?cs var:Lang.jobs.reason ?></th></tr></thead>
    <tbody>
    <?cs each:s = Skipped ?>
      <tr><td><?cs var:s.display_name ?></td><td><?cs var:s.email ?></td><td><?cs var:Lang.jobs.reasons[s.reason] ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
<?cs /if ?>
</section>
<?cs /def ?>
