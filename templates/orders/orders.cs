<?cs # Orders (guide §2.6): the filter with its count in the title, the search
     as you type, the guide's columns with Unavailable for what is missing,
     the status chip (ASSIGN leads to the assignment), sort and paging. ?>
<?cs def:cell(value) ?><?cs if:value ?><?cs var:value ?><?cs else ?><span class="muted"><?cs var:Lang.orders.unavailable ?></span><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<?cs if:For.id ?><?cs set:for_q = "&for=" + url_escape(For.id) ?><?cs else ?><?cs set:for_q = "" ?><?cs /if ?>
<div class="toolbar">
  <h1><?cs var:Lang.orders.orders.title ?></h1>
  <details class="menu filter-menu">
    <summary aria-label="<?cs var:Lang.orders.orders.filter_label ?>"><?cs var:Lang.orders.filters[Filter.key] ?> (<?cs var:Filter.count ?>) ▾</summary>
    <ul>
      <?cs each:f = Lang.orders.filters ?>
      <li><a href="/orders?filter=<?cs name:f ?><?cs var:for_q ?>"<?cs if:name(f) == Filter.key ?> aria-current="true"<?cs /if ?>><?cs var:f ?></a></li>
      <?cs /each ?>
    </ul>
  </details>
  <span class="spacer"></span>
  <form method="get" action="/orders" role="search">
    <input type="search" name="q" value="<?cs var:List.Q ?>" placeholder="<?cs var:Lang.orders.orders.search_placeholder ?>"
      aria-label="<?cs var:Lang.orders.orders.search_label ?>" aria-controls="list-results" data-live-search>
    <input type="hidden" name="filter" value="<?cs var:Filter.key ?>">
    <?cs if:For.id ?><input type="hidden" name="for" value="<?cs var:For.id ?>"><?cs /if ?>
    <button type="submit" class="secondary"><?cs var:Lang.common.search ?></button>
  </form>
</div>
<?cs if:For.id ?><p class="hint"><?cs var:Lang.orders.orders.for ?> <strong><?cs var:For.name ?></strong>.</p><?cs /if ?>

<div id="list-results" aria-live="polite">
<?cs if:!List.Open && List.Total == 0 ?>
  <p class="empty"><?cs if:List.Q || Filter.key != "all" ?><?cs var:Lang.orders.orders.none_match ?><?cs else ?><?cs var:Lang.orders.orders.none ?><?cs /if ?></p>
<?cs else ?>
  <div class="table-scroll">
  <table class="list" aria-label="<?cs var:Lang.orders.orders.results ?>">
    <thead><tr>
      <?cs call:sort_th("sap", Lang.orders.orders.col_sap) ?>
      <?cs call:sort_th("number", Lang.orders.orders.col_number) ?>
      <th scope="col"><?cs var:Lang.orders.orders.col_reseller_po ?></th>
      <th scope="col"><?cs var:Lang.orders.orders.col_customer_po ?></th>
      <th scope="col"><?cs var:Lang.orders.orders.col_account ?></th>
      <?cs call:sort_th("expiry", Lang.orders.orders.col_expiry) ?>
      <th scope="col"><span class="visually-hidden"><?cs var:Lang.orders.orders.col_status ?></span></th>
    </tr></thead>
    <tbody>
    <?cs each:o = Rows ?>
      <?cs set:href = "/orders/" + url_escape(o.number) + "?filter=" + Filter.key + for_q ?>
      <tr data-href="<?cs var:href ?>">
        <td><?cs call:cell(o.sap) ?></td>
        <td><a href="<?cs var:href ?>"><?cs var:o.number ?></a></td>
        <td><?cs call:cell(o.reseller_po) ?></td>
        <td><?cs call:cell(o.customer_po) ?></td>
        <td><?cs if:o.account ?><?cs if:o.account_link ?><a href="/a/<?cs var:o.account_id ?>/info"><?cs var:o.account ?></a><?cs else ?><?cs var:o.account ?><?cs /if ?><?cs else ?><?cs var:Lang.orders.unassigned ?><?cs /if ?></td>
        <td class="nowrap"><?cs var:date_text(o.expiry) ?></td>
        <td><?cs if:o.status == "assign" ?><a class="button small" href="<?cs var:href ?>"><?cs var:Lang.orders.status.assign ?></a><?cs
          elif:o.status ?><span class="badge order-<?cs var:o.status ?>"><?cs var:Lang.orders.status[o.status] ?></span><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs call:pager() ?>
<?cs /if ?>
</div>
<?cs /def ?>
