<?cs # An assignment's success dialog (guide §2.6, step 8). ?>
<?cs def:content() ?>
<section class="dialog" role="alertdialog" aria-labelledby="assigned-title" aria-describedby="assigned-body">
  <h1 id="assigned-title"><?cs var:Lang.orders.order_assigned.title ?></h1>
  <p id="assigned-body"><?cs var:Lang.orders.order_assigned.order ?> <?cs var:Order.number ?> <?cs var:Lang.orders.order_assigned.assigned_to ?> <?cs var:Order.account ?>.</p>
  <div class="actions">
    <a class="button secondary" href="/orders"><?cs var:Lang.orders.order_assigned.close ?></a>
    <?cs if:Order.account_link ?><a class="button" href="/a/<?cs var:Order.account_id ?>/info#integrations"><?cs var:Lang.orders.order_assigned.go ?></a><?cs /if ?>
  </div>
</section>
<?cs /def ?>
