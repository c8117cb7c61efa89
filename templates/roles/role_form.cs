<?cs # The parts of New Role (role_new.cs) and Edit Role (role_edit.cs): the
     Permissions matrix of one base role, as the guide's table. ?>

<?cs # One base role's table. rows: Matrix.partner or Matrix.admin; editable: checkboxes can change. ?>
<?cs def:permission_matrix(base, rows, editable) ?>
<fieldset class="matrix" data-base="<?cs var:base ?>">
  <legend><?cs var:Lang.roles.role_form.permissions ?> · <?cs var:Lang.roles.role_form.bases[base] ?></legend>
  <p class="hint"><?cs var:Lang.roles.role_form.permissions_hint ?></p>
  <div class="table-scroll">
  <table class="list matrix-table" aria-label="<?cs var:Lang.roles.role_form.permissions ?> · <?cs var:Lang.roles.role_form.bases[base] ?>">
    <thead><tr>
      <th scope="col"><?cs var:Lang.roles.role_form.col_permissions ?></th>
      <?cs each:v = Lang.roles.role_form.verbs ?><th scope="col"><?cs var:v ?></th><?cs /each ?>
    </tr></thead>
    <tbody>
    <?cs each:row = rows ?>
      <tr>
        <th scope="row"><span class="feature"><?cs var:Lang.roles.role_form.features[row.feature] ?></span>
          <span class="hint"><?cs var:Lang.roles.role_form.hints[row.feature] ?></span></th>
        <?cs each:c = row.cells ?>
        <td><?cs if:c.state != "na" ?><input type="checkbox" name="<?cs var:c.name ?>" value="1"
          aria-label="<?cs var:Lang.roles.role_form.features[row.feature] ?>: <?cs var:Lang.roles.role_form.cell_verbs[c.verb] ?>"<?cs
          if:c.state != "off" ?> checked<?cs /if ?><?cs if:c.state == "fixed" || !editable ?> disabled<?cs /if ?>><?cs
          /if ?></td>
        <?cs /each ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</fieldset>
<?cs /def ?>
