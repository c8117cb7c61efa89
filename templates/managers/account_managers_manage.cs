<?cs include:"managers/account_managers_parts.cs" ?>
<?cs def:tab_link(key, label, count) ?>
<a href="/account-managers/manage?<?cs var:Selected.Query ?>&tab=<?cs var:key ?>"<?cs if:Manage.Tab == key ?> aria-current="page"<?cs /if ?>><?cs var:label ?> (<?cs var:count ?>)</a>
<?cs /def ?>
<?cs def:content() ?>
<div class="toolbar">
  <h1><?cs var:Lang.account_managers.manage_title ?> (<?cs var:Selected.Count ?>)</h1>
  <span class="spacer"></span>
  <a class="button secondary" href="/account-managers"><?cs var:Lang.account_managers.back ?></a>
</div>
<?cs call:selected_names(Lang.account_managers.selected_managers) ?>
<nav class="tabs" aria-label="<?cs var:Lang.account_managers.accounts_label ?>">
<?cs if:Manage.Single ?>
  <?cs call:tab_link("assigned", Lang.account_managers.tab_assigned, Manage.Count.all_) ?>
  <?cs call:tab_link("not", Lang.account_managers.tab_not, Manage.Count.not_) ?>
<?cs else ?>
  <?cs call:tab_link("all", Lang.account_managers.tab_all, Manage.Count.all_) ?>
  <?cs call:tab_link("some", Lang.account_managers.tab_some, Manage.Count.some) ?>
  <?cs call:tab_link("not", Lang.account_managers.tab_not, Manage.Count.not_) ?>
<?cs /if ?>
</nav>
<form method="get" action="/account-managers/manage" role="search" class="search">
  <?cs call:selected_inputs() ?>
  <input type="hidden" name="tab" value="<?cs var:Manage.Tab ?>">
  <input type="search" name="q" value="<?cs var:List.Q ?>" data-live-search autocomplete="off"
    aria-label="<?cs var:Lang.account_managers.accounts_search_label ?>" placeholder="<?cs var:Lang.common.search ?>">
  <button type="submit"><?cs var:Lang.common.search ?></button>
</form>
<form method="get" action="/account-managers/assign">
  <?cs call:selected_inputs() ?>
  <input type="hidden" name="tab" value="<?cs var:Manage.Tab ?>">
  <div class="actions selection-actions">
    <?cs if:Manage.Tab != "not" ?><button type="submit" name="action" value="unassign" class="secondary"><?cs var:Lang.account_managers.unassign ?></button><?cs /if ?>
    <?cs if:Manage.Tab == "not" || Manage.Tab == "some" ?><button type="submit" name="action" value="assign"><?cs var:Lang.account_managers.assign ?></button><?cs /if ?>
  </div>
  <div id="list-results">
  <?cs if:List.Total == 0 ?>
    <p class="empty"><?cs var:Lang.account_managers.none_accounts ?></p>
  <?cs else ?>
    <table class="list" aria-label="<?cs var:Lang.account_managers.results_accounts ?>">
      <thead><tr>
        <th scope="col"><span class="visually-hidden"><?cs var:Lang.account_managers.select_account ?></span></th>
        <?cs call:sort_th("name", Lang.account_managers.col_account) ?>
        <th scope="col"><?cs var:Lang.account_managers.col_account_id ?></th>
        <th scope="col"><?cs var:Lang.account_managers.col_account_modified ?></th>
        <th scope="col"><?cs var:Lang.account_managers.col_total ?></th>
      </tr></thead>
      <tbody>
      <?cs each:a = Rows ?>
        <tr>
          <td><input type="checkbox" name="accounts" value="<?cs var:a.id ?>" id="acct-<?cs var:a.id ?>"></td>
          <th scope="row"><label for="acct-<?cs var:a.id ?>"><?cs var:a.name ?></label></th>
          <td><code><?cs var:a.id ?></code></td>
          <td><?cs var:a.modified ?></td>
          <td><span class="total-managers"<?cs if:a.manager_names ?> title="<?cs var:a.manager_names ?>"<?cs /if ?>><?cs var:a.total_managers ?></span><?cs
            if:a.manager_names ?> <span class="visually-hidden"><?cs var:a.manager_names ?></span><?cs /if ?></td>
        </tr>
      <?cs /each ?>
      </tbody>
    </table>
    <?cs call:pager() ?>
  <?cs /if ?>
  </div>
</form>
<?cs /def ?>
