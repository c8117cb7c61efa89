<?cs include:"users/mitel_one_parts.cs" ?>
<?cs # The list's filters (and search), carried by its other forms. ?>
<?cs def:filter_hidden(with_q) ?>
  <?cs if:Filter.property ?><input type="hidden" name="property" value="<?cs var:Filter.property ?>"><?cs /if ?>
  <?cs if:Filter.product ?><input type="hidden" name="product" value="<?cs var:Filter.product ?>"><?cs /if ?>
  <?cs if:Filter.group ?><input type="hidden" name="group" value="<?cs var:Filter.group ?>"><?cs /if ?>
  <?cs if:Filter.sms ?><input type="hidden" name="sms" value="<?cs var:Filter.sms ?>"><?cs /if ?>
  <?cs if:with_q && List.Q && !Filter.sms ?><input type="hidden" name="q" value="<?cs var:List.Q ?>"><?cs /if ?>
<?cs /def ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users" ?>
<div class="toolbar">
  <h1><?cs var:Lang.users.users.title ?></h1>
  <span class="spacer"></span>
  <form method="get" action="<?cs var:base ?>" role="search">
    <input type="search" name="q" value="<?cs var:List.Q ?>" placeholder="<?cs var:Lang.users.users.search_placeholder ?>"
      aria-label="<?cs var:Lang.users.users.search_label ?>" aria-controls="list-results" data-live-search<?cs
      if:Filter.sms ?> disabled<?cs /if ?>>
    <input type="hidden" name="sort" value="<?cs var:List.Sort ?>">
    <input type="hidden" name="dir" value="<?cs var:List.Dir ?>">
    <?cs call:filter_hidden(0) ?>
    <button type="submit" class="secondary"<?cs if:Filter.sms ?> disabled<?cs /if ?>><?cs var:Lang.common.search ?></button>
  </form>
  <?cs if:Users.CanAdd ?><a class="button" href="<?cs var:base ?>/new"><?cs var:Lang.users.users.add ?></a><?cs /if ?>
  <?cs if:Users.CanImport ?><a class="button secondary" href="<?cs var:base ?>/import"><?cs var:Lang.import.import.menu ?></a><?cs /if ?>
  <a class="button secondary" href="<?cs var:base ?>/export.csv?<?cs var:List.KeepSort ?>" download title="<?cs var:Lang.users.users.export_hint ?>"><?cs var:Lang.users.users.export ?></a>
  <?cs if:Users.PhoneConflicts ?><a class="button secondary" href="<?cs var:base ?>/phone-conflicts"><?cs var:Lang.users.users.phone_conflicts ?></a><?cs /if ?>
</div>

<?cs if:Users.MitelOne.shown ?>
<section class="card mitel-one-licenses" aria-labelledby="mitel-one-licenses-title">
  <h2 id="mitel-one-licenses-title"><?cs var:Lang.users.manage_mitel_one.licenses ?></h2>
  <?cs call:tier_counts(Lang.users.manage_mitel_one.available, Users.MitelOne.available, Users.MitelOne.Tiers, "available") ?>
  <?cs call:tier_counts(Lang.users.users.assigned, Users.MitelOne.assigned, Users.MitelOne.Tiers, "assigned") ?>
</section>
<?cs /if ?>

<div class="filter-bar">
  <details class="add-filter">
    <summary class="button secondary"><?cs var:Lang.users.filters.add ?></summary>
    <div>
      <form method="get" action="<?cs var:base ?>">
        <?cs if:List.Q && !Filter.sms ?><input type="hidden" name="q" value="<?cs var:List.Q ?>"><?cs /if ?>
        <input type="hidden" name="sort" value="<?cs var:List.Sort ?>">
        <input type="hidden" name="dir" value="<?cs var:List.Dir ?>">
        <div class="field">
          <label for="f-property"><?cs var:Lang.users.filters.property ?></label>
          <select id="f-property" name="property"<?cs if:Filter.sms ?> disabled<?cs /if ?>>
            <option value=""><?cs var:Lang.users.filters.choose ?></option>
            <?cs each:p = Filter.Properties ?><option value="<?cs var:p ?>"<?cs if:p == Filter.property ?> selected<?cs /if ?>><?cs var:Lang.users.filters.properties[p] ?></option><?cs /each ?>
          </select>
        </div>
        <div class="field">
          <label for="f-product"><?cs var:Lang.users.filters.product ?></label>
          <select id="f-product" name="product">
            <option value=""><?cs var:Lang.users.filters.choose ?></option>
            <?cs each:p = Filter.Products ?><option value="<?cs var:p.product ?>"<?cs if:p.product == Filter.product ?> selected<?cs /if ?>><?cs var:p.product ?></option><?cs /each ?>
          </select>
        </div>
        <?cs if:subcount(Filter.Groups) ?>
        <div class="field">
          <label for="f-group"><?cs var:Lang.users.filters.group ?></label>
          <select id="f-group" name="group">
            <option value=""><?cs var:Lang.users.filters.choose ?></option>
            <?cs each:g = Filter.Groups ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Filter.group ?> selected<?cs /if ?>><?cs var:g.name ?></option><?cs /each ?>
          </select>
        </div>
        <?cs /if ?>
        <div class="field">
          <label for="f-sms"><?cs var:Lang.users.filters.sms_label ?></label>
          <input id="f-sms" name="sms" type="text" inputmode="tel" value="<?cs var:Filter.sms ?>"<?cs if:Filter.property ?> disabled<?cs /if ?>>
        </div>
        <button type="submit"><?cs var:Lang.users.filters.apply ?></button>
      </form>
    </div>
  </details>
  <?cs if:Filter.Active ?>
  <ul class="chips">
    <?cs each:c = Filter.Chips ?>
    <?cs if:c.name == "property" ?><?cs set:chip = Lang.users.filters[c.name] + ": " + Lang.users.filters.properties[c.value] ?><?cs
      else ?><?cs set:chip = Lang.users.filters[c.name] + ": " + c.shown ?><?cs /if ?>
    <li><?cs var:chip ?> <a class="chip-remove" href="?<?cs var:c.remove ?>" aria-label="<?cs var:Lang.users.filters.remove ?> <?cs var:chip ?>">&times;</a></li>
    <?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs if:Filter.sms ?><p class="hint"><?cs var:Lang.users.filters.sms_excludes ?></p><?cs /if ?>
</div>

<form method="get" action="<?cs var:base ?>/manage" data-manage>
<?cs call:filter_hidden(1) ?>
<?cs if:Users.CanManage ?>
<?cs # Nothing to act on, nothing offered: both are drawn disabled on an empty
     list; with script, Manage Selected wakes up while a row is ticked. ?>
<div class="selection-actions">
  <button type="submit" name="scope" value="selected" class="secondary" data-manage-selected
    data-label="<?cs var:Lang.users.manage.manage ?>"<?cs if:Users.Empty ?> disabled<?cs /if ?>><?cs var:Lang.users.manage.manage ?></button>
  <button type="submit" name="scope" value="all" class="secondary"<?cs if:Users.Empty ?> disabled<?cs /if ?>><?cs var:Lang.users.manage.manage_all ?></button>
</div>
<?cs /if ?>
<div id="list-results" aria-live="polite" data-empty="<?cs var:Users.Empty ?>">
<?cs if:!Users.Empty ?><p class="count" data-count><?cs var:Users.CountText ?></p><?cs /if ?>
<?cs if:!List.Open && List.Total == 0 ?>
  <p class="empty"><?cs if:List.Q ?><?cs var:Lang.users.users.none_match ?><?cs else ?><?cs var:Lang.users.users.none ?><?cs /if ?></p>
<?cs elif:subcount(Rows) == 0 ?>
  <p class="empty"><?cs var:Lang.common.none_found ?></p>
  <?cs call:pager() ?>
<?cs else ?>
  <div class="table-scroll">
  <table class="list" aria-label="<?cs var:Lang.users.users.results ?>">
    <thead><tr>
      <th scope="col" class="select"><input type="checkbox" data-select-all hidden aria-label="<?cs var:Lang.users.manage.select_all ?>"></th>
      <?cs call:sort_th("name", Lang.users.users.col_name) ?>
      <?cs call:sort_th("email", Lang.users.users.col_email) ?>
      <?cs call:sort_th("ext", Lang.users.users.col_ext) ?>
      <?cs call:sort_th("modified", Lang.users.users.col_modified) ?>
      <th scope="col"><?cs var:Lang.users.users.col_licenses ?></th>
      <?cs call:sort_th("role", Lang.users.users.col_role) ?>
    </tr></thead>
    <tbody>
    <?cs each:u = Rows ?>
      <tr data-href="<?cs var:base ?>/<?cs var:u.id ?>">
        <td class="select"><input type="checkbox" name="ids" value="<?cs var:u.id ?>" aria-label="<?cs var:Lang.users.manage.select_row ?> <?cs var:u.display_name ?>"></td>
        <td><a href="<?cs var:base ?>/<?cs var:u.id ?>"><?cs var:u.display_name ?></a><?cs
          if:u.registered != 1 ?> <span class="badge warn"><?cs var:Lang.users.users.unregistered ?></span><?cs /if ?></td>
        <td><?cs var:u.email ?></td>
        <td><?cs var:u.extension ?></td>
        <td><?cs var:date_text(u.modified) ?><?cs if:u.updated_by_name ?> (<?cs var:u.updated_by_name ?>)<?cs /if ?></td>
        <td><?cs var:u.licenses ?><?cs if:u.mitel_one.tier ?> (<?cs var:u.mitel_one.tier ?>)
          <details class="available-features">
            <summary><?cs var:Lang.users.users.available_feature ?></summary>
            <ul class="plain"><?cs each:f = Lang.users.user_mitel_one.feature ?>
              <li><?cs var:f ?>: <?cs if:u.mitel_one[name(f)] ?><?cs var:Lang.users.users.feature_on ?><?cs else ?><span class="muted"><?cs var:Lang.users.users.feature_off ?></span><?cs /if ?></li><?cs /each ?>
            </ul>
          </details><?cs /if ?></td>
        <td><?cs if:u.custom_role ?><?cs var:u.custom_role ?><?cs else ?><?cs var:Lang.users.roles[u.role] ?><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs call:pager() ?>
<?cs /if ?>
</div>
</form>
<?cs /def ?>
