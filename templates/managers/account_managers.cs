<?cs include:"managers/account_managers_parts.cs" ?>
<?cs def:content() ?>
<?cs set:tab = Managers.Tab ?>
<?cs with:t = Lang.managers.account_managers ?>
<div class="toolbar">
  <h1><?cs var:t.title ?></h1>
</div>
<nav class="tabs" aria-label="<?cs var:t.tabs_label ?>">
  <a href="/account-managers?tab=managers"<?cs if:tab == "managers" ?> aria-current="page"<?cs /if ?>><?cs var:t.tab_managers ?> (<?cs var:Managers.Count.managers ?>)</a>
  <a href="/account-managers?tab=admins"<?cs if:tab == "admins" ?> aria-current="page"<?cs /if ?>><?cs var:t.tab_admins ?> (<?cs var:Managers.Count.admins ?>)</a>
</nav>
<form method="get" action="/account-managers" role="search" class="search">
  <input type="hidden" name="tab" value="<?cs var:tab ?>">
  <input type="search" name="q" value="<?cs var:List.Q ?>" data-live-search autocomplete="off"
    aria-label="<?cs var:t.search_label ?>" placeholder="<?cs var:t.search_placeholder ?>">
  <button type="submit"><?cs var:Lang.common.search ?></button>
</form>
<?cs # Convert and Upgrade go to their confirmation, Manage to the accounts: all GETs of the
     selection. With nobody to select the buttons are off; with script, until someone is checked. ?>
<form method="get" action="<?cs if:tab == "admins" ?>/account-managers/confirm<?cs else ?>/account-managers/manage<?cs /if ?>" data-selection>
  <div class="actions selection-actions">
    <?cs if:tab == "admins" ?>
      <button type="submit" name="action" value="convert" data-needs-selection<?cs call:off_without(Managers.Selectable) ?>><?cs var:t.convert_selected ?></button>
    <?cs else ?>
      <button type="submit" formaction="/account-managers/confirm" name="action" value="upgrade" class="secondary" data-needs-selection<?cs call:off_without(Managers.Selectable) ?>><?cs var:t.upgrade_selected ?></button>
      <button type="submit" data-needs-selection<?cs call:off_without(Managers.Selectable) ?>><?cs var:t.manage_selected ?></button>
    <?cs /if ?>
  </div>
  <div id="list-results">
  <?cs if:List.Total == 0 ?>
    <p class="empty"><?cs if:List.Q ?><?cs var:t.none_match ?><?cs elif:tab == "admins" ?><?cs var:t.none_admins ?><?cs else ?><?cs var:t.none_managers ?><?cs /if ?></p>
  <?cs else ?>
    <table class="list" aria-label="<?cs if:tab == "admins" ?><?cs var:t.results_admins ?><?cs else ?><?cs var:t.results_managers ?><?cs /if ?>">
      <thead><tr>
        <th scope="col"><span class="visually-hidden"><?cs var:t.select_user ?></span></th>
        <?cs call:sort_th("name", t.col_name) ?>
        <th scope="col"><?cs var:t.col_email ?></th>
        <th scope="col"><?cs var:t.col_modified ?></th>
        <?cs if:tab == "managers" ?><th scope="col"><?cs var:t.col_managed ?></th><?cs /if ?>
      </tr></thead>
      <tbody>
      <?cs each:u = Rows ?>
        <tr>
          <td><?cs if:u.id != Me.id ?><input type="checkbox" name="users" value="<?cs var:u.id ?>" id="user-<?cs var:u.id ?>"
            aria-label="<?cs var:t.select_user ?> <?cs var:u.display_name ?>"><?cs /if ?></td>
          <th scope="row"><?cs if:tab == "managers" ?><a href="/account-managers/manage?users=<?cs var:u.id ?>"><?cs var:u.display_name ?></a><?cs
            else ?><?cs var:u.display_name ?><?cs /if ?><?cs if:u.id == Me.id ?> <span class="badge"><?cs var:t.you ?></span><?cs /if ?></th>
          <td><?cs var:u.email ?></td>
          <td><?cs var:date_text(u.modified) ?><?cs if:u.updated_by_name ?> (<?cs var:u.updated_by_name ?>)<?cs /if ?></td>
          <?cs if:tab == "managers" ?><td><?cs var:u.managed ?></td><?cs /if ?>
        </tr>
      <?cs /each ?>
      </tbody>
    </table>
    <?cs call:pager() ?>
  <?cs /if ?>
  </div>
</form>
<?cs call:selection_script() ?>
<?cs /with ?>
<?cs /def ?>
