<?cs # Pieces the Event History's screens share (guide §2.16). ?>

<?cs # The filters as hidden fields, for a form that keeps them. ?>
<?cs def:event_filter_hidden() ?>
  <?cs if:Filter.type ?><input type="hidden" name="type" value="<?cs var:Filter.type ?>"><?cs /if ?>
  <?cs if:Filter.asset ?><input type="hidden" name="asset" value="<?cs var:Filter.asset ?>"><?cs /if ?>
  <?cs if:Filter.action ?><input type="hidden" name="action" value="<?cs var:Filter.action ?>"><?cs /if ?>
  <?cs if:Filter.actor ?><input type="hidden" name="actor" value="<?cs var:Filter.actor ?>"><?cs /if ?>
  <?cs if:Filter.from_date ?><input type="hidden" name="from_date" value="<?cs var:Filter.from_date ?>"><?cs /if ?>
  <?cs if:Filter.from_time ?><input type="hidden" name="from_time" value="<?cs var:Filter.from_time ?>"><?cs /if ?>
  <?cs if:Filter.to_date ?><input type="hidden" name="to_date" value="<?cs var:Filter.to_date ?>"><?cs /if ?>
  <?cs if:Filter.to_time ?><input type="hidden" name="to_time" value="<?cs var:Filter.to_time ?>"><?cs /if ?>
<?cs /def ?>

<?cs # A column's cell: JSON fields are kept on one line, cut by the list. ?>
<?cs def:event_cell(row, key) ?>
<?cs if:key == "properties_changed" || key == "core_details" || key == "extra_details" || key == "log_tags" ?>
<td class="json"><code><?cs var:row[key] ?></code></td>
<?cs elif:key == "event_date" ?>
<td class="date"><?cs var:date_text(row[key]) ?></td>
<?cs elif:key == "actor_name" && row.actor_gone ?>
<td class="unknown"><?cs var:row[key] ?></td>
<?cs else ?>
<td><?cs var:row[key] ?></td>
<?cs /if ?>
<?cs /def ?>
