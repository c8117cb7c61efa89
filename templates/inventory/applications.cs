<?cs include:"inventory/inventory_parts.cs" ?>
<?cs def:content() ?>
<?cs with:t = Lang.inventory.applications ?>
<?cs set:base = Inventory.Base ?>
<?cs set:keep = Filter.Keep ?>
<link rel="stylesheet" href="/static/css/events.css">
<div class="toolbar">
  <h1><?cs var:t.title ?></h1>
  <span class="spacer"></span>
  <form method="get" action="<?cs var:base ?>/applications" role="search">
    <?cs if:Filter.account ?><input type="hidden" name="account" value="<?cs var:Filter.account ?>"><?cs /if ?>
    <?cs if:Filter.app ?><input type="hidden" name="app" value="<?cs var:Filter.app ?>"><?cs /if ?>
    <input type="search" name="q" value="<?cs var:Filter.q ?>" placeholder="<?cs var:Lang.inventory.search ?>" aria-label="<?cs var:t.search_label ?>">
    <button type="submit" class="secondary"><?cs var:Lang.inventory.search ?></button>
  </form>
</div>
<div class="filter-bar">
  <details class="add-filter">
    <summary class="button secondary"><?cs var:Lang.inventory.add_filter ?></summary>
    <div>
      <form method="get" action="<?cs var:base ?>/applications" class="inventory-filters">
        <?cs if:Filter.q ?><input type="hidden" name="q" value="<?cs var:Filter.q ?>"><?cs /if ?>
        <div class="form-grid">
        <?cs if:Inventory.PartnerView ?>
        <div class="field">
          <label for="f-account"><?cs var:Lang.inventory.accounts ?></label>
          <select id="f-account" name="account">
            <option value=""><?cs var:Lang.inventory.all_accounts ?></option>
            <?cs each:a = Options.accounts ?><option value="<?cs var:a.id ?>"<?cs if:a.id == Filter.account ?> selected<?cs /if ?>><?cs var:a.name ?></option><?cs /each ?>
          </select>
        </div>
        <?cs /if ?>
        <?cs call:key_select("app", Lang.inventory.application_type, Options.apps, "") ?>
        </div>
        <div class="actions">
          <a class="button secondary" href="<?cs var:base ?>/applications"><?cs var:Lang.inventory.clear ?></a>
          <button type="submit"><?cs var:Lang.inventory.apply ?></button>
        </div>
      </form>
    </div>
  </details>
</div>
<?cs if:Filter.Active ?>
<ul class="chips" aria-label="<?cs var:Lang.inventory.active_filters ?>">
  <?cs each:c = Filter.Chips ?>
  <?cs if:c.name == "account" ?><?cs set:label = Lang.inventory.accounts ?><?cs each:a = Options.accounts ?><?cs if:a.id == c.value ?><?cs set:value = a.name ?><?cs /if ?><?cs /each ?><?cs
    elif:c.name == "type" ?><?cs set:label = Lang.inventory.platform_type ?><?cs set:value = c.value ?><?cs
    elif:c.name == "family" ?><?cs set:label = Lang.inventory.system_family ?><?cs set:value = Lang.inventory.families[c.value] ?><?cs
    elif:c.name == "app" ?><?cs set:label = Lang.inventory.application_types ?><?cs set:value = c.value ?><?cs
    elif:c.name == "licence" ?><?cs set:label = Lang.inventory.license_type ?><?cs set:value = Lang.inventory.licences[c.value] ?><?cs
    else ?><?cs set:label = Lang.inventory.swa_status ?><?cs set:value = Lang.inventory.swa[c.value] ?><?cs /if ?>
  <li><?cs var:label ?>: <?cs var:value ?> <a class="chip-remove" href="?<?cs var:c.remove ?>" aria-label="<?cs var:Lang.inventory.remove_filter ?> <?cs var:label ?>">&times;</a></li>
  <?cs /each ?>
</ul>
<?cs /if ?>

<div class="table-scroll">
<table class="list inventory" aria-label="<?cs var:t.title ?>">
  <thead><tr>
    <?cs if:Inventory.PartnerView ?><th scope="col"><?cs var:Lang.inventory.cols.account ?></th><?cs /if ?>
    <th scope="col"><?cs var:t.col_name ?></th>
    <th scope="col"><?cs var:Lang.inventory.cols.app_type ?></th>
    <th scope="col"><?cs var:Lang.inventory.cols.version ?></th>
    <th scope="col"><?cs var:Lang.inventory.cols.portal ?></th>
  </tr></thead>
  <tbody id="application-rows" data-more-rows>
  <?cs each:row = Rows ?>
    <tr data-href="<?cs var:row.href ?>">
      <?cs if:Inventory.PartnerView ?><td><?cs var:row.account ?></td><?cs /if ?>
      <td><a href="<?cs var:row.href ?>"><?cs var:row.name ?></a></td>
      <td><?cs var:row.app_type ?></td>
      <td><?cs var:row.version ?></td>
      <td><?cs if:row.launch_tunnel ?><?cs call:launch_button(row.account_id, row.platform, row.app_type, row.launch_state) ?><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<div id="application-list-end" data-list-end aria-live="polite">
<?cs if:List.More ?>
  <a class="button secondary" rel="next" href="?<?cs if:keep ?><?cs var:keep ?>&<?cs /if ?>after=<?cs var:List.Next ?>"><?cs var:t.more ?></a>
<?cs elif:List.Shown == 0 && !List.Deep ?>
  <p class="flash end" role="status"><?cs if:Filter.Active || Filter.q ?><?cs var:t.none_match ?><?cs else ?><?cs var:t.none ?><?cs /if ?></p>
<?cs else ?>
  <p class="flash end" role="status"><?cs var:t.end ?></p>
<?cs /if ?>
</div>
<div class="flash flash-error" role="alert" data-scroll-error hidden><?cs var:Lang.inventory.load_error ?></div>
<script src="/static/js/events.js" defer></script>
<?cs /with ?>
<?cs /def ?>
