<?cs def:content() ?>
<section class="list-screen">
  <header class="screen-head">
    <h1><?cs var:Lang.accounts.accounts.title ?></h1>
    <?cs if:Can.accounts.add ?><a class="button" href="/accounts/new"><?cs var:Lang.accounts.accounts.add ?></a><?cs /if ?>
  </header>
  <nav class="tabs" aria-label="<?cs var:Lang.accounts.accounts.status_label ?>">
    <a href="/accounts?status=active"<?cs if:Accounts.Status == "active" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.accounts.accounts.active ?></a>
    <a href="/accounts?status=deactivated"<?cs if:Accounts.Status == "deactivated" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.accounts.accounts.deactivated ?></a>
  </nav>
  <form method="get" action="/accounts" role="search" class="search">
    <input type="hidden" name="status" value="<?cs var:Accounts.Status ?>">
    <input type="hidden" name="sort" value="<?cs var:List.Sort ?>">
    <input type="hidden" name="dir" value="<?cs var:List.Dir ?>">
    <input type="search" name="q" value="<?cs var:List.Q ?>" data-live-search autocomplete="off"
      aria-label="<?cs var:Lang.accounts.accounts.search_label ?>" placeholder="<?cs var:Lang.common.search ?>">
    <button type="submit"><?cs var:Lang.common.search ?></button>
  </form>
  <div id="list-results">
    <?cs if:subcount(Accounts.Rows) > 0 ?>
    <table class="list" aria-label="<?cs if:Accounts.Status == "deactivated" ?><?cs var:Lang.accounts.accounts.caption_deactivated ?><?cs else ?><?cs var:Lang.accounts.accounts.caption_active ?><?cs /if ?>">
      <thead><tr>
        <?cs call:sort_th("name", Lang.accounts.accounts.col_name) ?>
        <?cs call:sort_th("country", Lang.accounts.accounts.col_country) ?>
        <?cs call:sort_th("city", Lang.accounts.accounts.col_city) ?>
        <?cs call:sort_th("created", Lang.accounts.accounts.col_created) ?>
      </tr></thead>
      <tbody>
      <?cs each:a = Accounts.Rows ?>
        <?cs if:Accounts.Status == "deactivated" ?><?cs set:href = "/a/" + a.id + "/reactivate" ?><?cs else ?><?cs set:href = "/a/" + a.id + "/info" ?><?cs /if ?>
        <tr data-href="<?cs var:href ?>">
          <th scope="row"><a href="<?cs var:href ?>"><?cs var:a.name ?></a></th>
          <td><?cs var:a.country_name ?></td>
          <td><?cs var:a.city ?></td>
          <td><?cs var:date_text(a.created_on) ?></td>
        </tr>
      <?cs /each ?>
      </tbody>
    </table>
    <?cs call:pager() ?>
    <?cs elif:List.Q ?>
    <p class="empty"><?cs var:Lang.accounts.accounts.empty_search ?></p>
    <?cs elif:List.Page > 1 ?>
    <p class="empty"><?cs var:Lang.common.none_found ?></p>
    <?cs call:pager() ?>
    <?cs elif:Accounts.Status == "deactivated" ?>
    <p class="empty"><?cs var:Lang.accounts.accounts.empty_deactivated ?></p>
    <?cs else ?>
    <p class="empty"><?cs var:Lang.accounts.accounts.empty_active ?><?cs if:Can.accounts.add ?> <a href="/accounts/new"><?cs var:Lang.accounts.accounts.add ?></a><?cs /if ?></p>
    <?cs /if ?>
  </div>
</section>
<?cs /def ?>
