<?cs # Pieces the System Inventory screens share (guide §2.17). ?>

<?cs # Launch (guide §2.17.1): a single-use link made at each click; refused
     while the daemon's tunnel is stopped. app: "" for the platform itself. ?>
<?cs def:launch_button(account_id, platform_id, app, state) ?>
<form method="post" action="/a/<?cs var:account_id ?>/inventory/platforms/<?cs var:platform_id ?>/launch" class="launch">
  <?cs call:csrf() ?>
  <?cs if:app ?><input type="hidden" name="app" value="<?cs var:app ?>"><?cs /if ?>
  <button type="submit" class="secondary small"<?cs if:state != "started" ?> title="<?cs var:Lang.inventory.tunnel_stopped ?>"<?cs /if ?>><?cs var:Lang.inventory.launch ?></button>
</form>
<?cs /def ?>

<?cs def:swa_badge(status) ?>
<span class="badge<?cs if:status == "active" ?> ok<?cs elif:status == "expiring_soon" ?> warn<?cs elif:status == "expired" || status == "inactive" ?> danger<?cs /if ?>"><?cs var:Lang.inventory.swa[status] ?></span>
<?cs /def ?>

<?cs def:platform_cell(row, key) ?>
<?cs if:key == "host" ?>
<td><a href="<?cs var:row.href ?>"><?cs var:row.host ?></a><?cs if:row.stale ?> <span class="badge warn"><?cs var:Lang.inventory.stale ?></span><?cs /if ?></td>
<?cs elif:key == "swa_status" ?>
<td><?cs call:swa_badge(row.swa) ?></td>
<?cs elif:key == "system_family" ?>
<td><?cs var:Lang.inventory.families[row.system_family] ?></td>
<?cs elif:key == "portal" ?>
<td><?cs if:row.launch_tunnel ?><?cs call:launch_button(row.account_id, row.id, "", row.launch_state) ?><?cs /if ?></td>
<?cs else ?>
<td><?cs var:row[key] ?></td>
<?cs /if ?>
<?cs /def ?>

<?cs # A select of the filter form; options: a list of keys, labels from Lang.inventory[group]. ?>
<?cs def:key_select(name, label, options, group) ?>
<div class="field">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>">
    <option value=""><?cs var:Lang.inventory.any ?></option>
    <?cs each:o = options ?><option value="<?cs var:o ?>"<?cs if:o == Filter[name] ?> selected<?cs /if ?>><?cs if:group ?><?cs var:Lang.inventory[group][o] ?><?cs else ?><?cs var:o ?><?cs /if ?></option><?cs /each ?>
  </select>
</div>
<?cs /def ?>
