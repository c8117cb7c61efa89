<?cs def:content() ?>
<?cs with:t = Lang.inventory.daemons ?>
<?cs set:base = Inventory.Base ?>
<link rel="stylesheet" href="/static/css/events.css">
<div class="toolbar">
  <h1><?cs var:t.title ?></h1>
  <span class="spacer"></span>
  <?cs if:Can.account.edit ?>
  <form method="post" action="<?cs var:base ?>/daemons"><?cs call:csrf() ?><button type="submit"><?cs var:t.link ?></button></form>
  <?cs /if ?>
</div>
<p class="hint"><?cs var:t.intro ?></p>
<?cs if:LinkCode.code ?>
<section class="card" role="status" aria-labelledby="code-title">
  <h2 id="code-title"><?cs var:t.code_title ?></h2>
  <p class="link-code" data-link-code><?cs var:LinkCode.code ?></p>
  <p><?cs var:t.code_how ?></p>
  <p class="hint"><?cs var:t.code_expires ?> <?cs var:date_text(LinkCode.expires) ?> UTC</p>
  <button type="button" class="secondary" data-copy="<?cs var:LinkCode.code ?>" data-copied="<?cs var:Lang.common.copied ?>"><?cs var:Lang.common.copy ?></button>
</section>
<?cs /if ?>
<?cs if:subcount(Daemons) == 0 ?>
<p class="empty"><?cs var:t.none ?></p>
<?cs else ?>
<div class="table-scroll">
<table class="list inventory" aria-label="<?cs var:t.title ?>">
  <thead><tr>
    <th scope="col"><?cs var:Lang.inventory.cols.host ?></th>
    <th scope="col"><?cs var:Lang.inventory.cols.platform_id ?></th>
    <th scope="col"><?cs var:t.col_linked ?></th>
    <th scope="col"><?cs var:t.col_last ?></th>
    <th scope="col"><?cs var:t.col_next ?></th>
    <th scope="col"><?cs var:t.col_status ?></th>
    <th scope="col"><span class="visually-hidden"><?cs var:Lang.common.actions ?></span></th>
  </tr></thead>
  <tbody>
  <?cs each:d = Daemons ?>
    <tr>
      <td><?cs var:d.host ?></td>
      <td><?cs var:d.platform_id ?></td>
      <td><?cs var:date_text(d.linked_at) ?><?cs if:d.linked_by ?> (<?cs var:d.linked_by ?>)<?cs /if ?></td>
      <td><?cs var:date_text(d.last_report) ?></td>
      <td><?cs if:d.state != "unlinked" ?><?cs var:date_text(d.next_report) ?><?cs /if ?></td>
      <td><span class="badge<?cs if:d.state == "linked" ?> ok<?cs elif:d.state == "stale" ?> warn<?cs /if ?>"><?cs var:t.states[d.state] ?></span></td>
      <td><?cs if:d.state != "unlinked" && Can.account.edit ?><a href="<?cs var:base ?>/daemons/<?cs var:d.id ?>/unlink"><?cs var:t.unlink ?></a><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs /if ?>
<?cs /with ?>
<?cs /def ?>
