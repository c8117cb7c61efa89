<?cs # The Subscriptions panel (guide §2.7): one collapsible group per product,
     nested per plan when a product has several, each with its table; Add
     Order leads to the unassigned orders with this account filled in. ?>
<?cs def:subscriptions_table(plan) ?>
<div class="table-scroll">
<table class="list">
  <thead><tr>
    <th scope="col"><?cs var:Lang.subscriptions.panel.col_number ?></th>
    <th scope="col"><?cs var:Lang.subscriptions.panel.col_details ?></th>
    <th scope="col"><?cs var:Lang.subscriptions.panel.col_licenses ?></th>
    <th scope="col"><?cs var:Lang.subscriptions.panel.col_start ?></th>
  </tr></thead>
  <tbody>
  <?cs each:s = plan.Rows ?>
    <tr>
      <td><?cs var:s.number ?></td>
      <td><?cs var:s.product ?><?cs if:s.plan_code ?>: <?cs var:s.plan_code ?><?cs /if ?><?cs
        if:s.plan_details ?> <span class="info" tabindex="0" role="img" aria-label="<?cs var:Lang.subscriptions.panel.plan_details ?>: <?cs var:s.plan_details ?>" title="<?cs var:s.plan_details ?>">i</span><?cs /if ?></td>
      <td><?cs var:s.licenses ?></td>
      <td class="nowrap"><?cs var:date_text(s.start) ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs /def ?>
<?cs def:licenses(n) ?><?cs var:n ?> <?cs var:Lang.subscriptions.panel.licenses ?><?cs /def ?>
<?cs def:subscriptions_panel() ?>
<?cs if:Subscriptions.shown ?>
<section class="card subscriptions" id="subscriptions" aria-labelledby="subscriptions-title">
  <div class="toolbar">
    <h2 id="subscriptions-title"><?cs var:Lang.subscriptions.panel.title ?></h2>
    <span class="spacer"></span>
    <?cs if:Subscriptions.add_order ?><a class="button" href="/orders?filter=unassigned&amp;for=<?cs var:Account.id ?>"><?cs var:Lang.subscriptions.panel.add_order ?></a><?cs /if ?>
  </div>
  <?cs if:subcount(Subscriptions.Groups) == 0 ?>
  <p class="empty"><?cs var:Lang.subscriptions.panel.none ?></p>
  <?cs /if ?>
  <?cs each:g = Subscriptions.Groups ?>
  <details class="subscription-group" open>
    <summary><?cs var:g.product ?><?cs if:subcount(g.Plans) == 1 && g.Plans.0.plan ?> - <?cs var:g.Plans.0.plan ?><?cs /if ?> - <?cs
      if:g.per_user ?><?cs var:g.assigned ?> <?cs var:Lang.subscriptions.panel.assigned_of ?> <?cs /if ?><?cs call:licenses(g.total) ?><?cs
      if:g.over ?> <span class="badge order-expired"><?cs var:Lang.subscriptions.panel.over ?></span><?cs /if ?></summary>
    <?cs if:g.per_user ?><p class="hint"><?cs var:g.remaining ?> <?cs var:Lang.subscriptions.panel.remaining ?></p><?cs
    elif:Subscriptions.Workflow.shown && (g.product == "Workflow Studio" || g.product == "WorkflowStudio") ?>
    <p class="hint"><?cs var:Lang.subscriptions.panel.entitlements ?>: <?cs var:Lang.subscriptions.panel.essential ?> <?cs var:Subscriptions.Workflow.essential ?>, <?cs
      var:Lang.subscriptions.panel.premier ?> <?cs var:Subscriptions.Workflow.premier ?> <?cs var:Lang.subscriptions.panel.interactions ?></p><?cs /if ?>
    <?cs if:subcount(g.Plans) == 1 ?>
      <?cs call:subscriptions_table(g.Plans.0) ?>
    <?cs else ?>
      <?cs each:p = g.Plans ?>
      <details class="subscription-group nested" open>
        <summary><?cs if:p.plan ?><?cs var:p.plan ?><?cs else ?><?cs var:g.product ?><?cs /if ?> - <?cs call:licenses(p.total) ?></summary>
        <?cs call:subscriptions_table(p) ?>
      </details>
      <?cs /each ?>
    <?cs /if ?>
  </details>
  <?cs /each ?>
</section>
<?cs /if ?>
<?cs /def ?>
