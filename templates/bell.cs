<?cs # The notification bell (guide §1.3), drawn by layout.cs on every signed-in page. ?>
<details class="bell" data-bell data-menu>
  <summary aria-label="<?cs var:Lang.jobs.notifications.label ?><?cs if:Notifications.Unseen > 0 ?> (<?cs var:Notifications.Unseen ?> <?cs var:Lang.jobs.notifications.unseen ?>)<?cs /if ?>">
    <img class="bell-icon" src="/static/img/bell.svg" alt="" width="20" height="20"><?cs if:Notifications.Unseen > 0 ?><span class="badge count" data-bell-badge><?cs var:Notifications.Unseen ?></span><?cs /if ?>
  </summary>
  <div class="menu notifications" role="region" aria-label="<?cs var:Lang.jobs.notifications.label ?>">
    <div class="menu-head">
      <h2><?cs var:Lang.jobs.notifications.label ?></h2>
      <?cs if:subcount(Notifications.Items) > 0 ?>
      <form method="post" action="/notifications/dismiss" data-bell-dismiss>
        <?cs call:csrf() ?><input type="hidden" name="back" value="<?cs var:Page.Path ?>">
        <button type="submit" class="link"><?cs var:Lang.jobs.notifications.dismiss_all ?></button>
      </form>
      <?cs /if ?>
    </div>
    <ul data-bell-list>
    <?cs each:n = Notifications.Items ?>
      <li class="notification<?cs if:n.seen != 1 ?> unseen<?cs /if ?>">
        <?cs if:n.topic ?>
        <div class="what">
          <strong><?cs var:Lang.notices[n.topic] ?></strong>
          <span class="status"><?cs var:n.subject ?></span>
          <?cs if:n.detail ?><span class="detail"><?cs var:n.detail ?></span><?cs /if ?>
        </div>
        <div class="when"><?cs var:date_text(n.at) ?></div>
        <?cs else ?>
        <div class="what">
          <strong><?cs var:Lang.jobs.notifications.kinds[n.kind] ?></strong>
          <span class="status state-<?cs var:n.state ?>"><?cs var:Lang.jobs.notifications.states[n.state] ?></span>
        </div>
        <div class="counts">
          <?cs var:n.processed - n.skipped ?> <?cs var:Lang.jobs.notifications.done_of ?> <?cs var:n.total ?><?cs
          if:n.skipped > 0 ?> · <?cs var:n.skipped ?> <?cs var:Lang.jobs.notifications.skipped ?><?cs /if ?><?cs
          if:n.pending > 0 ?> · <?cs var:n.pending ?> <?cs var:Lang.jobs.notifications.mail_pending ?><?cs /if ?><?cs
          if:n.mail_failed > 0 ?> · <?cs var:n.mail_failed ?> <?cs var:Lang.jobs.notifications.mail_failed ?><?cs /if ?>
        </div>
        <div class="when"><?cs var:date_text(n.at) ?>
          <?cs if:n.state == "failed" || n.skipped > 0 || n.mail_failed > 0 || n.kind == "export_events" ?><a href="/a/<?cs var:n.account_id ?>/jobs/<?cs var:n.job_id ?>"><?cs var:Lang.jobs.notifications.see_details ?></a><?cs /if ?>
        </div>
        <?cs /if ?>
        <form method="post" action="/notifications/<?cs var:n.id ?>/delete" data-bell-delete>
          <?cs call:csrf() ?><input type="hidden" name="back" value="<?cs var:Page.Path ?>">
          <button type="submit" class="icon" aria-label="<?cs var:Lang.jobs.notifications.delete ?>" title="<?cs var:Lang.jobs.notifications.delete ?>"><img src="/static/img/trash.svg" alt="" width="16" height="16"></button>
        </form>
      </li>
    <?cs /each ?>
    </ul>
    <p class="empty" data-bell-empty<?cs if:subcount(Notifications.Items) > 0 ?> hidden<?cs /if ?>><?cs var:Lang.jobs.notifications.none ?></p>
  </div>
</details>
