<?cs # One editable cell of a preview row: the input belongs to the row's
     form (form="r-<id>"), its error is shown under it. ?>
<?cs def:import_cell(row, fid, field, value, label, error, type) ?>
<td<?cs if:error ?> class="has-error"<?cs /if ?>>
  <input form="<?cs var:fid ?>" id="c-<?cs var:fid ?>-<?cs var:field ?>" name="<?cs var:field ?>" type="<?cs var:type ?>" value="<?cs var:value ?>"
    aria-label="<?cs var:label ?>, <?cs var:row ?>"<?cs if:error ?> aria-invalid="true" aria-describedby="e-<?cs var:fid ?>-<?cs var:field ?>"<?cs /if ?>>
  <?cs if:error ?><p class="error" id="e-<?cs var:fid ?>-<?cs var:field ?>"><?cs var:error ?></p><?cs /if ?>
</td>
<?cs /def ?>

<?cs def:import_role(row, fid, role, role_text, error) ?>
<td<?cs if:error ?> class="has-error"<?cs /if ?>>
  <select form="<?cs var:fid ?>" id="c-<?cs var:fid ?>-role" name="role" aria-label="<?cs var:Lang.import.import_preview.col_role ?>, <?cs var:row ?>"<?cs
    if:error ?> aria-invalid="true" aria-describedby="e-<?cs var:fid ?>-role"<?cs /if ?>>
    <?cs if:error ?><option value="<?cs var:role_text ?>" selected><?cs var:role_text ?></option><?cs /if ?>
    <?cs each:o = Roles ?><option value="<?cs var:o.value ?>"<?cs if:!error && o.value == role ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
  </select>
  <?cs if:error ?><p class="error" id="e-<?cs var:fid ?>-role"><?cs var:error ?></p><?cs /if ?>
</td>
<?cs /def ?>

<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users/import/" + Batch.id ?>
<div id="import-preview" class="import-preview">
<div class="toolbar">
  <h1><?cs var:Lang.import.import_preview.title ?></h1>
  <span class="spacer"></span>
  <span class="hint"><?cs var:Lang.import.import_preview.file ?>: <?cs var:Batch.file_name ?></span>
</div>

<?cs if:Preview.Added ?>
<section class="card import-added" role="status">
  <p><strong><?cs var:Preview.AddedText ?></strong></p>
  <?cs if:Batch.added_count > 0 ?>
  <p class="hint"><?cs var:Lang.import.import_preview.welcome_note ?></p>
  <form method="post" action="<?cs var:base ?>/welcome">
    <?cs call:csrf() ?>
    <button type="submit"><?cs var:Lang.import.import_preview.send_welcome ?></button>
  </form>
  <?cs /if ?>
</section>
<?cs /if ?>

<?cs if:Batch.pending == 0 ?>
  <p class="empty"><?cs var:Lang.import.import_preview.all_done ?> <a href="/a/<?cs var:Account.id ?>/users"><?cs var:Lang.import.import_preview.to_users ?></a></p>
<?cs else ?>
  <?cs if:Batch.with_errors == 0 ?>
    <p class="import-status ok" role="status"><span aria-hidden="true">✓</span> <?cs var:Lang.import.import_preview.no_errors ?></p>
  <?cs else ?>
    <p class="import-status errors" role="status"><span aria-hidden="true">⚠</span> <?cs var:Preview.ErrorsText ?>
      <?cs if:Preview.OnlyErrors ?><a href="<?cs var:base ?>"><?cs var:Lang.import.import_preview.all_rows ?></a><?cs
      else ?><a href="<?cs var:base ?>?only=errors"><?cs var:Lang.import.import_preview.only_errors ?></a><?cs /if ?></p>
  <?cs /if ?>
  <p class="hint"><?cs var:Preview.PendingText ?></p>
<?cs /if ?>
<?cs if:Form.Errors.row ?><p class="error" role="alert"><?cs var:Form.Errors.row ?></p><?cs /if ?>

<?cs if:Batch.pending > 0 ?>
<div class="table-scroll">
<table class="list import-table" aria-label="<?cs var:Lang.import.import_preview.results ?>">
  <thead><tr>
    <th scope="col"><?cs var:Lang.import.import_preview.col_status ?></th>
    <th scope="col"><?cs var:Lang.import.import_preview.col_first_name ?></th>
    <th scope="col"><?cs var:Lang.import.import_preview.col_last_name ?></th>
    <th scope="col"><?cs var:Lang.import.import_preview.col_name ?></th>
    <th scope="col"><?cs var:Lang.import.import_preview.col_email ?></th>
    <th scope="col"><?cs var:Lang.import.import_preview.col_role ?></th>
    <th scope="col"><?cs var:Lang.import.import_preview.col_action ?></th>
  </tr></thead>
  <tbody>
  <?cs each:x = Rows ?>
    <?cs set:fid = "r-" + x.id ?><?cs set:rowlabel = Lang.import.import_preview.row + " " + x.line ?>
    <tr id="row-<?cs var:x.id ?>" data-row="<?cs var:x.line ?>"<?cs if:x.errors != 0 ?> class="row-error"<?cs /if ?>>
      <td class="status"><?cs if:x.errors != 0 ?><span class="icon-error" role="img" aria-label="<?cs var:Lang.import.import_preview.status_error ?>">⚠</span><?cs
        if:x.err.status ?> <span class="error"><?cs var:x.err.status ?></span><?cs /if ?><?cs
        else ?><span class="icon-ok" role="img" aria-label="<?cs var:Lang.import.import_preview.status_ok ?>">✓</span><?cs /if ?></td>
      <?cs call:import_cell(rowlabel, fid, "first_name", x.first_name, Lang.import.import_preview.col_first_name, "", "text") ?>
      <?cs call:import_cell(rowlabel, fid, "last_name", x.last_name, Lang.import.import_preview.col_last_name, "", "text") ?>
      <?cs call:import_cell(rowlabel, fid, "name", x.name, Lang.import.import_preview.col_name, x.err.name, "text") ?>
      <?cs call:import_cell(rowlabel, fid, "email", x.email, Lang.import.import_preview.col_email, x.err.email, "email") ?>
      <?cs call:import_role(rowlabel, fid, x.role, x.role_text, x.err.role) ?>
      <td class="row-actions">
        <form id="<?cs var:fid ?>" method="post" action="<?cs var:base ?>/row" data-import-row>
          <?cs call:csrf() ?>
          <input type="hidden" name="row" value="<?cs var:x.id ?>">
          <input type="hidden" name="page" value="<?cs var:List.Page ?>">
          <?cs if:Preview.OnlyErrors ?><input type="hidden" name="only" value="errors"><?cs /if ?>
          <button type="submit" class="secondary" aria-label="<?cs var:Lang.import.import_preview.save ?> <?cs var:rowlabel ?>"><?cs var:Lang.import.import_preview.save ?></button>
        </form>
        <form method="post" action="<?cs var:base ?>/delete-row" data-import-row>
          <?cs call:csrf() ?>
          <input type="hidden" name="row" value="<?cs var:x.id ?>">
          <input type="hidden" name="page" value="<?cs var:List.Page ?>">
          <?cs if:Preview.OnlyErrors ?><input type="hidden" name="only" value="errors"><?cs /if ?>
          <button type="submit" class="danger" aria-label="<?cs var:Lang.import.import_preview.delete ?> <?cs var:rowlabel ?>"><?cs var:Lang.import.import_preview.delete ?></button>
        </form>
      </td>
    </tr>
  <?cs /each ?>
    <tr class="new-row">
      <td class="status"></td>
      <?cs call:import_cell(Lang.import.import_preview.new_row, "r-new", "first_name", "", Lang.import.import_preview.col_first_name, "", "text") ?>
      <?cs call:import_cell(Lang.import.import_preview.new_row, "r-new", "last_name", "", Lang.import.import_preview.col_last_name, "", "text") ?>
      <?cs call:import_cell(Lang.import.import_preview.new_row, "r-new", "name", "", Lang.import.import_preview.col_name, "", "text") ?>
      <?cs call:import_cell(Lang.import.import_preview.new_row, "r-new", "email", "", Lang.import.import_preview.col_email, "", "email") ?>
      <td><select form="r-new" id="c-r-new-role" name="role" aria-label="<?cs var:Lang.import.import_preview.col_role ?>, <?cs var:Lang.import.import_preview.new_row ?>">
        <?cs each:o = Roles ?><option value="<?cs var:o.value ?>"><?cs var:o.label ?></option><?cs /each ?></select></td>
      <td class="row-actions">
        <form id="r-new" method="post" action="<?cs var:base ?>/row" data-import-row>
          <?cs call:csrf() ?>
          <input type="hidden" name="row" value="0">
          <button type="submit" class="secondary"><?cs var:Lang.import.import_preview.add_row ?></button>
        </form>
      </td>
    </tr>
  </tbody>
</table>
</div>
<?cs if:List.Pages > 1 ?><?cs call:pager() ?><?cs /if ?>

<?cs # A finished import (every row added) has nothing left to add, upload or discard. ?>
<div class="actions">
  <form method="post" action="<?cs var:base ?>/cancel">
    <?cs call:csrf() ?>
    <button type="submit" class="secondary"><?cs var:Lang.import.import_preview.cancel ?></button>
  </form>
  <form method="post" action="<?cs var:base ?>/upload">
    <?cs call:csrf() ?>
    <button type="submit"><?cs var:Lang.import.import_preview.upload ?></button>
  </form>
</div>
<?cs /if ?>
</div>
<?cs /def ?>
