<?cs # Developer (guide §2.14.11): the partner's registered applications. ?>
<?cs def:content() ?>
<div class="screen-head">
  <h1><?cs var:Lang.developer.developer.title ?></h1>
  <a class="button" href="/developer/new"><?cs var:Lang.developer.developer.new ?></a>
</div>
<p class="hint"><?cs var:Lang.developer.developer.intro ?></p>
<?cs if:subcount(Applications) == 0 ?>
  <p class="empty"><?cs var:Lang.developer.developer.none ?></p>
<?cs else ?>
<div class="table-scroll">
  <table class="list" aria-label="<?cs var:Lang.developer.developer.caption ?>">
    <thead><tr>
      <th scope="col"><?cs var:Lang.developer.developer.col_name ?></th>
      <th scope="col"><?cs var:Lang.developer.developer.col_client_id ?></th>
      <th scope="col"><?cs var:Lang.developer.developer.col_accounts ?></th>
      <th scope="col"><?cs var:Lang.developer.developer.col_created ?></th>
    </tr></thead>
    <tbody>
    <?cs each:a = Applications ?>
      <tr data-href="/developer/<?cs var:a.id ?>">
        <th scope="row"><a href="/developer/<?cs var:a.id ?>"><?cs var:a.name ?></a><?cs if:a.description ?><br><span class="hint"><?cs var:a.description ?></span><?cs /if ?></th>
        <td><code class="id"><?cs var:a.client_id ?></code></td>
        <td><?cs var:a.accounts ?></td>
        <td><?cs var:date_text(a.created) ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
</div>
<?cs /if ?>
<?cs /def ?>
