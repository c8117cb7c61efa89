<?cs include:"gateway/wizard.cs" ?>
<?cs def:content() ?>
<?cs call:wizard_head() ?>
<?cs with:t = Lang.gateway.gateway_irregular ?>
<section class="card wide">
  <h2><?cs var:t.titles[Listing.state] ?></h2>
  <p class="hint"><?cs var:t.hint ?></p>
  <?cs if:subcount(Irregular) > 0 ?>
  <div class="table-scroll">
  <table class="list" aria-label="<?cs var:t.titles[Listing.state] ?>">
    <thead><tr><th scope="col"><?cs var:t.col_last ?></th><th scope="col"><?cs var:t.col_first ?></th>
      <th scope="col"><?cs var:t.col_email ?></th><th scope="col"><?cs var:t.col_extensions ?></th><th scope="col"><?cs var:t.col_pbx_id ?></th></tr></thead>
    <tbody>
    <?cs each:u = Irregular ?>
      <tr><td><?cs var:u.last_name ?></td><td><?cs var:u.first_name ?></td><td><?cs var:u.email ?></td><td><?cs var:u.extensions ?></td><td><code><?cs var:u.pbx_id ?></code></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <nav class="pager" aria-label="<?cs var:Lang.common.pagination ?>">
    <?cs if:List.Page > 1 ?><a href="?state=<?cs var:Listing.state ?>&page=<?cs var:List.Page - 1 ?>" rel="prev"><?cs var:Lang.common.previous ?></a><?cs /if ?>
    <span class="page"><?cs var:Lang.common.page ?> <?cs var:List.Page ?></span>
    <?cs if:List.More ?><a href="?state=<?cs var:Listing.state ?>&page=<?cs var:List.Page + 1 ?>" rel="next"><?cs var:Lang.common.next ?></a><?cs /if ?>
  </nav>
  <?cs else ?>
  <p class="empty"><?cs var:t.none ?></p>
  <?cs /if ?>
  <div class="actions"><a class="button secondary" href="<?cs var:Wizard.base ?>/connect"><?cs var:t.back ?></a></div>
</section>
<?cs /with ?>
<?cs /def ?>
