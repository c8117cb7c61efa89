<?cs include:"roles/role_tabs.cs" ?>
<?cs def:content() ?>
<?cs call:role_head("accounts") ?>
<?cs if:Role.base == "partner" ?><p class="hint"><?cs var:Lang.roles.role_accounts.partner_note ?></p><?cs /if ?>
<form method="get" action="/roles/<?cs var:Role.id ?>/accounts" role="search" class="search">
  <input type="search" name="q" value="<?cs var:List.Q ?>" data-live-search autocomplete="off"
    aria-label="<?cs var:Lang.roles.role_accounts.search_label ?>" placeholder="<?cs var:Lang.common.search ?>">
  <button type="submit"><?cs var:Lang.common.search ?></button>
</form>
<?cs if:Form.Errors.accounts ?><div role="alert"><p class="error" id="e-accounts"><?cs var:Form.Errors.accounts ?></p></div><?cs /if ?>
<form method="post" action="/roles/<?cs var:Role.id ?>/accounts">
  <?cs call:csrf() ?>
  <div id="list-results">
  <?cs if:List.Total == 0 ?>
    <p class="empty"><?cs var:Lang.roles.role_accounts.none ?></p>
  <?cs else ?>
    <table class="list" aria-label="<?cs var:Lang.roles.role_accounts.caption ?>">
      <thead><tr>
        <?cs if:Can.roles.edit ?><th scope="col"><span class="visually-hidden"><?cs var:Lang.roles.role_accounts.select_account ?></span></th><?cs /if ?>
        <?cs call:sort_th("name", Lang.roles.role_accounts.col_account) ?>
        <th scope="col"><?cs var:Lang.roles.role_accounts.col_assigned ?></th>
      </tr></thead>
      <tbody>
      <?cs each:a = Rows ?>
        <tr>
          <?cs if:Can.roles.edit ?><td><input type="checkbox" name="accounts" value="<?cs var:a.id ?>" id="acct-<?cs var:a.id ?>"></td><?cs /if ?>
          <th scope="row"><label for="acct-<?cs var:a.id ?>"><?cs var:a.name ?></label></th>
          <td><?cs if:a.assigned == 1 ?><span class="badge ok"><?cs var:Lang.roles.role_accounts.assigned ?></span><?cs else ?><?cs var:Lang.roles.role_accounts.not_assigned ?><?cs /if ?></td>
        </tr>
      <?cs /each ?>
      </tbody>
    </table>
    <?cs call:pager() ?>
  <?cs /if ?>
  </div>
  <?cs if:Can.roles.edit && List.Total > 0 ?>
  <div class="actions">
    <button type="submit" name="action" value="unassign" class="secondary"><?cs var:Lang.roles.role_accounts.unassign ?></button>
    <button type="submit" name="action" value="assign"><?cs var:Lang.roles.role_accounts.assign ?></button>
  </div>
  <?cs /if ?>
</form>
<?cs /def ?>
