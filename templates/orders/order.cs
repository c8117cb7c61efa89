<?cs # One order (guide §2.6): its details, the tracking details, and for an
     order that can still be assigned, Company (a search of the customer
     accounts) and Assign. ?>
<?cs def:value(v) ?><?cs if:v ?><?cs var:v ?><?cs else ?><span class="muted"><?cs var:Lang.orders.unavailable ?></span><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<?cs if:For.id ?><?cs set:for_q = "&for=" + url_escape(For.id) ?><?cs else ?><?cs set:for_q = "" ?><?cs /if ?>
<?cs set:self = "/orders/" + url_escape(Order.number) ?>
<?cs set:back = "/orders?filter=" + url_escape(Query.filter) + for_q ?>
<section class="dialog" role="dialog" aria-labelledby="order-title">
  <h1 id="order-title"><?cs var:Order.number ?><?cs if:Order.status ?> <span class="badge order-<?cs var:Order.status ?>"><?cs var:Lang.orders.status[Order.status] ?></span><?cs /if ?></h1>
  <dl class="details">
    <dt><?cs var:Lang.orders.order.subscription_number ?></dt><dd><?cs var:Order.number ?></dd>
    <dt><?cs var:Lang.orders.order.start_date ?></dt><dd><?cs call:value(date_text(Order.start)) ?></dd>
    <dt><?cs var:Lang.orders.order.assigned_account ?></dt><dd><?cs if:Order.account ?><?cs var:Order.account ?><?cs else ?><?cs var:Lang.orders.unassigned ?><?cs /if ?></dd>
    <dt><?cs var:Lang.orders.order.term ?></dt><dd><?cs if:Order.term ?><?cs var:Order.term ?> <?cs var:Lang.orders.order.months ?><?cs else ?><?cs var:Lang.orders.status.perpetual ?><?cs /if ?></dd>
    <dt><?cs var:Lang.orders.order.expiry ?></dt><dd><?cs if:Order.expiry ?><?cs var:date_text(Order.expiry) ?><?cs else ?><?cs var:Lang.orders.status.perpetual ?><?cs /if ?></dd>
    <dt><?cs var:Lang.orders.order.details ?></dt>
    <dd><ul class="plain">
      <?cs each:l = Order.Lines ?>
      <li><?cs var:l.product ?><?cs if:l.plan ?> - <?cs var:l.plan ?><?cs /if ?><?cs if:l.plan_code ?>: <?cs var:l.plan_code ?><?cs /if ?> × <?cs var:l.quantity ?><?cs
        if:l.details ?> <span class="info" tabindex="0" role="img" aria-label="<?cs var:Lang.orders.order.plan_details ?>: <?cs var:l.details ?>" title="<?cs var:l.details ?>">i</span><?cs /if ?></li>
      <?cs /each ?>
    </ul></dd>
    <dt><?cs var:Lang.orders.order.licenses ?></dt><dd><?cs var:Order.licenses ?></dd>
  </dl>
  <details class="tracking">
    <summary><?cs var:Lang.orders.order.tracking ?></summary>
    <dl class="details">
      <dt><?cs var:Lang.orders.order.tracking_number ?></dt><dd><?cs call:value(Order.tracking_id) ?></dd>
      <dt><?cs var:Lang.orders.order.sap ?></dt><dd><?cs call:value(Order.sap) ?></dd>
      <dt><?cs var:Lang.orders.order.reseller_po ?></dt><dd><?cs call:value(Order.reseller_po) ?></dd>
      <dt><?cs var:Lang.orders.order.customer_po ?></dt><dd><?cs call:value(Order.customer_po) ?></dd>
      <dt><?cs var:Lang.orders.order.end_customer ?></dt><dd><?cs call:value(Order.end_customer_sap) ?></dd>
    </dl>
    <?cs if:subcount(Order.Tracking) ?>
    <ol class="timeline">
      <?cs each:t = Order.Tracking ?><li><span class="nowrap"><?cs var:date_text(t.at) ?></span> <strong><?cs var:t.stage ?></strong><?cs if:t.detail ?> — <?cs var:t.detail ?><?cs /if ?></li><?cs /each ?>
    </ol>
    <?cs else ?><p class="muted"><?cs var:Lang.orders.order.no_tracking ?></p><?cs /if ?>
  </details>

  <?cs if:Order.status == "expired" && !Order.account ?><p class="note"><?cs var:Lang.orders.order.expired_note ?></p><?cs /if ?>
  <?cs if:Order.activated == "0" ?><p class="note"><?cs var:Lang.orders.order.pending_note ?></p><?cs /if ?>
  <?cs if:Order.assignable ?>
  <form method="get" action="<?cs var:self ?>" role="search" class="company-search">
    <input type="hidden" name="filter" value="<?cs var:Query.filter ?>">
    <?cs if:For.id ?><input type="hidden" name="for" value="<?cs var:For.id ?>"><?cs /if ?>
    <label for="company-q"><?cs var:Lang.orders.order.company ?></label>
    <input id="company-q" type="search" name="company" value="<?cs var:Company.Q ?>" placeholder="<?cs var:Lang.orders.order.company_search ?>"
      aria-label="<?cs var:Lang.orders.order.company_search_label ?>" aria-controls="list-results" data-live-search>
    <button type="submit" class="secondary"><?cs var:Lang.orders.order.company_search ?></button>
  </form>
  <form method="post" action="<?cs var:self ?>">
    <?cs call:csrf() ?>
    <input type="hidden" name="for" value="<?cs var:For.id ?>">
    <fieldset id="list-results" aria-live="polite"<?cs if:Form.Errors.account ?> aria-describedby="e-account"<?cs /if ?>>
      <legend><?cs var:Lang.orders.order.company ?></legend>
      <?cs if:subcount(Company.Rows) ?>
        <?cs each:c = Company.Rows ?>
        <label class="choice"><input type="radio" name="account" value="<?cs var:c.id ?>"<?cs if:Form.Values.account == c.id ?> checked<?cs /if ?>> <?cs var:c.name ?></label>
        <?cs /each ?>
      <?cs elif:Company.Q ?><p class="muted"><?cs var:Lang.orders.order.no_company ?></p>
      <?cs else ?><p class="hint"><?cs var:Lang.orders.order.company_hint ?></p><?cs /if ?>
      <?cs if:Form.Errors.account ?><p class="error" id="e-account" role="alert"><?cs var:Form.Errors.account ?></p><?cs /if ?>
    </fieldset>
    <div class="actions">
      <a class="button secondary" href="<?cs var:back ?>"><?cs var:Lang.orders.order.close ?></a>
      <button type="submit"><?cs var:Lang.orders.order.assign ?></button>
    </div>
  </form>
  <?cs else ?>
  <?cs if:Form.Errors.account ?><p class="error" id="e-account" role="alert"><?cs var:Form.Errors.account ?></p><?cs /if ?>
  <div class="actions"><a class="button" href="<?cs var:back ?>"><?cs var:Lang.orders.order.close ?></a></div>
  <?cs /if ?>
</section>
<?cs /def ?>
