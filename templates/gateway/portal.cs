<?cs include:"gateway/wizard.cs" ?>
<?cs # The gateway portal's Partner Dashboard (seed 001; cgi-bin/gateway/portal.c). ?>
<?cs def:content() ?>
<?cs call:gateway_assets() ?>
<?cs with:t = Lang.gateway.portal ?>
<section class="card wide portal-head">
  <h1><?cs var:t.title ?></h1>
  <p class="hint"><?cs var:t.heading ?></p>
  <dl class="summary identity">
    <dt><?cs var:t.identity ?></dt><dd><?cs var:Portal.identity ?></dd>
    <dt><?cs var:t.organization ?></dt><dd><?cs var:Portal.organization ?></dd>
  </dl>
  <p class="hint"><?cs var:t.local ?></p>
  <?cs if:Portal.can_create ?><div class="actions start"><a class="button" href="/accounts/new"><?cs var:t.create ?></a></div><?cs /if ?>
</section>
<?cs if:Portal.welcome ?>
<section class="card wide">
  <h2><?cs var:t.welcome ?></h2>
  <p><?cs var:t.welcome_text ?></p>
</section>
<?cs else ?>
<section class="card wide" aria-labelledby="customers-heading">
  <h2 id="customers-heading"><?cs var:t.list ?></h2>
  <form method="get" action="/gateway-portal" class="filter-bar portal-filters">
    <label for="portal-q"><?cs var:t.search ?></label>
    <input type="search" id="portal-q" name="q" value="<?cs var:Search.q ?>">
    <label for="portal-status"><?cs var:t.status ?></label>
    <select id="portal-status" name="status">
      <?cs each:f = Filters ?><option value="<?cs var:f.value ?>"<?cs if:f.value == Search.status ?> selected<?cs /if ?>><?cs var:f.label ?></option><?cs /each ?>
    </select>
    <button type="submit" class="secondary"><?cs var:t.apply ?></button>
  </form>
  <?cs if:subcount(Customers) > 0 ?>
  <div class="table-scroll">
  <table class="list" aria-labelledby="customers-heading">
    <thead><tr><th scope="col"><?cs var:t.col_name ?></th><th scope="col"><?cs var:t.col_id ?></th>
      <th scope="col"><?cs var:t.col_registered ?></th><th scope="col"><?cs var:t.col_status ?></th></tr></thead>
    <tbody>
    <?cs each:c = Customers ?>
      <tr data-href="<?cs var:c.href ?>">
        <th scope="row"><a href="<?cs var:c.href ?>"><?cs var:c.name ?></a></th>
        <td><code class="id"><?cs var:c.id ?></code></td>
        <td><a href="<?cs var:c.registered_href ?>"><?cs var:number_text(c.registered) ?></a></td>
        <td class="portal-status level-<?cs var:c.level ?>"><a href="<?cs var:c.href ?>"><?cs var:c.status ?></a><?cs
          if:c.warning ?><span class="overlay warn"><?cs var:c.warning ?></span><?cs /if ?><?cs
          if:c.alert ?><span class="overlay alert"><?cs var:c.alert ?></span><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs else ?>
  <p class="empty"><?cs var:t.none ?></p>
  <?cs /if ?>
  <?cs if:List.Page > 1 || List.More ?>
  <nav class="pager" aria-label="<?cs var:Lang.common.pagination ?>">
    <?cs if:List.Page > 1 ?><a href="?q=<?cs var:url_escape(Search.q) ?>&status=<?cs var:Search.status ?>&page=<?cs var:List.Page - 1 ?>" rel="prev"><?cs var:Lang.common.previous ?></a><?cs /if ?>
    <span class="page"><?cs var:Lang.common.page ?> <?cs var:List.Page ?></span>
    <?cs if:List.More ?><a href="?q=<?cs var:url_escape(Search.q) ?>&status=<?cs var:Search.status ?>&page=<?cs var:List.Page + 1 ?>" rel="next"><?cs var:Lang.common.next ?></a><?cs /if ?>
  </nav>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs /with ?>
<?cs /def ?>
