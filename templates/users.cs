<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users" ?>
<div class="toolbar">
  <h1><?cs var:Lang.users.title ?></h1>
  <span class="spacer"></span>
  <form method="get" action="<?cs var:base ?>" role="search">
    <input type="search" name="q" value="<?cs var:List.Q ?>" placeholder="<?cs var:Lang.users.search_placeholder ?>"
      aria-label="<?cs var:Lang.users.search_label ?>" aria-controls="list-results" data-live-search>
    <input type="hidden" name="sort" value="<?cs var:List.Sort ?>">
    <input type="hidden" name="dir" value="<?cs var:List.Dir ?>">
    <button type="submit" class="secondary"><?cs var:Lang.common.search ?></button>
  </form>
  <?cs if:Can.users.add && !Users.ReadOnly ?>
  <a class="button" href="<?cs var:base ?>/new"><?cs var:Lang.users.add ?></a>
  <?cs /if ?>
</div>

<div id="list-results" aria-live="polite">
<?cs if:List.Total == 0 ?>
  <p class="empty"><?cs if:List.Q ?><?cs var:Lang.users.none_match ?><?cs else ?><?cs var:Lang.users.none ?><?cs /if ?></p>
<?cs else ?>
  <table class="list" aria-label="<?cs var:Lang.users.results ?>">
    <thead><tr>
      <?cs call:sort_th("name", Lang.users.col_name) ?>
      <?cs call:sort_th("email", Lang.users.col_email) ?>
      <?cs call:sort_th("ext", Lang.users.col_ext) ?>
      <?cs call:sort_th("modified", Lang.users.col_modified) ?>
      <th scope="col"><?cs var:Lang.users.col_licenses ?></th>
      <?cs call:sort_th("role", Lang.users.col_role) ?>
    </tr></thead>
    <tbody>
    <?cs each:u = Rows ?>
      <tr data-href="<?cs var:base ?>/<?cs var:u.id ?>">
        <td><a href="<?cs var:base ?>/<?cs var:u.id ?>"><?cs var:u.display_name ?></a><?cs
          if:u.registered != 1 ?> <span class="badge warn"><?cs var:Lang.users.unregistered ?></span><?cs /if ?></td>
        <td><?cs var:u.email ?></td>
        <td><?cs var:u.extension ?></td>
        <td><?cs var:u.modified ?><?cs if:u.updated_by_name ?> (<?cs var:u.updated_by_name ?>)<?cs /if ?></td>
        <td><?cs var:u.licenses ?></td>
        <td><?cs var:Lang.users.roles[u.role] ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs call:pager() ?>
<?cs /if ?>
</div>
<?cs /def ?>
