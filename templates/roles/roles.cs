<?cs def:content() ?>
<div class="toolbar">
  <h1><?cs var:Lang.roles.roles.title ?></h1>
  <span class="spacer"></span>
  <form method="get" action="/roles" role="search">
    <input type="search" name="q" value="<?cs var:List.Q ?>" placeholder="<?cs var:Lang.roles.roles.search_placeholder ?>"
      aria-label="<?cs var:Lang.roles.roles.search_label ?>" aria-controls="list-results" data-live-search>
    <button type="submit" class="secondary"><?cs var:Lang.common.search ?></button>
  </form>
  <?cs if:Can.roles.add && Me.is_partner ?><a class="button" href="/roles/new"><?cs var:Lang.roles.roles.new ?></a><?cs /if ?>
</div>
<div id="list-results" aria-live="polite">
<?cs if:List.Total == 0 ?>
  <p class="empty"><?cs if:List.Q ?><?cs var:Lang.roles.roles.none_match ?><?cs else ?><?cs var:Lang.roles.roles.none ?><?cs /if ?></p>
<?cs else ?>
  <table class="list" aria-label="<?cs var:Lang.roles.roles.results ?>">
    <thead><tr>
      <?cs call:sort_th("name", Lang.roles.roles.col_name) ?>
      <th scope="col"><?cs var:Lang.roles.roles.col_description ?></th>
      <th scope="col"><?cs var:Lang.roles.roles.col_base ?></th>
      <th scope="col"><?cs var:Lang.roles.roles.col_accounts ?></th>
      <th scope="col"><?cs var:Lang.roles.roles.col_modified ?></th>
    </tr></thead>
    <tbody>
    <?cs each:x = Rows ?>
      <tr data-href="/roles/<?cs var:x.id ?>">
        <th scope="row"><a href="/roles/<?cs var:x.id ?>"><?cs var:x.name ?></a></th>
        <td><?cs var:x.description ?></td>
        <td><?cs var:Lang.roles.role_form.bases[x.base] ?></td>
        <td><?cs var:x.accounts ?></td>
        <td><?cs var:date_text(x.modified) ?><?cs if:x.updated_by_name ?> (<?cs var:x.updated_by_name ?>)<?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs call:pager() ?>
<?cs /if ?>
</div>
<?cs /def ?>
