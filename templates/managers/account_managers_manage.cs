<?cs include:"managers/account_managers_parts.cs" ?>
<?cs def:tab_link(key, label, count) ?>
<a href="/account-managers/manage?<?cs var:Selected.Query ?>&tab=<?cs var:key ?>"<?cs if:Manage.Tab == key ?> aria-current="page"<?cs /if ?>><?cs var:label ?> (<?cs var:count ?>)</a>
<?cs /def ?>
<?cs def:content() ?>
<?cs with:t = Lang.managers.account_managers_manage ?>
<div class="toolbar">
  <h1><?cs var:t.title ?> (<?cs var:Selected.Count ?>)</h1>
  <span class="spacer"></span>
  <a class="button secondary" href="/account-managers"><?cs var:t.back ?></a>
</div>
<?cs call:selected_names(t.selected_managers) ?>
<nav class="tabs" aria-label="<?cs var:t.accounts_label ?>">
<?cs if:Manage.Single ?>
  <?cs call:tab_link("assigned", t.tab_assigned, Manage.Count.all) ?>
  <?cs call:tab_link("not", t.tab_not, Manage.Count.none) ?>
<?cs else ?>
  <?cs call:tab_link("all", t.tab_all, Manage.Count.all) ?>
  <?cs call:tab_link("some", t.tab_some, Manage.Count.some) ?>
  <?cs call:tab_link("not", t.tab_not, Manage.Count.none) ?>
<?cs /if ?>
</nav>
<form method="get" action="/account-managers/manage" role="search" class="search">
  <?cs call:selected_inputs() ?>
  <input type="hidden" name="tab" value="<?cs var:Manage.Tab ?>">
  <input type="search" name="q" value="<?cs var:List.Q ?>" data-live-search autocomplete="off"
    aria-label="<?cs var:t.search_label ?>" placeholder="<?cs var:Lang.common.search ?>">
  <button type="submit"><?cs var:Lang.common.search ?></button>
</form>
<?cs # With no account in the tab the buttons are off; with script, until an account is checked. ?>
<form method="get" action="/account-managers/assign" data-selection>
  <?cs call:selected_inputs() ?>
  <input type="hidden" name="tab" value="<?cs var:Manage.Tab ?>">
  <div class="actions selection-actions">
    <?cs if:Manage.Tab != "not" ?><button type="submit" name="action" value="unassign" class="secondary" data-needs-selection<?cs call:off_without(List.Total) ?>><?cs var:t.unassign ?></button><?cs /if ?>
    <?cs if:Manage.Tab == "not" || Manage.Tab == "some" ?><button type="submit" name="action" value="assign" data-needs-selection<?cs call:off_without(List.Total) ?>><?cs var:t.assign ?></button><?cs /if ?>
  </div>
  <div id="list-results">
  <?cs if:List.Total == 0 ?>
    <p class="empty"><?cs var:t.none ?></p>
  <?cs else ?>
    <table class="list" aria-label="<?cs var:t.results ?>">
      <thead><tr>
        <th scope="col"><span class="visually-hidden"><?cs var:t.select_account ?></span></th>
        <?cs call:sort_th("name", t.col_account) ?>
        <th scope="col"><?cs var:t.col_account_id ?></th>
        <th scope="col"><?cs var:t.col_modified ?></th>
        <th scope="col"><?cs var:t.col_total ?></th>
      </tr></thead>
      <tbody>
      <?cs each:a = Rows ?>
        <tr>
          <td><input type="checkbox" name="accounts" value="<?cs var:a.id ?>" id="acct-<?cs var:a.id ?>"></td>
          <th scope="row"><label for="acct-<?cs var:a.id ?>"><?cs var:a.name ?></label></th>
          <td><code><?cs var:a.id ?></code></td>
          <td><?cs var:date_text(a.modified) ?></td>
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
<?cs call:selection_script() ?>
<?cs /with ?>
<?cs /def ?>
