<?cs include:"mivb/range_form.cs" ?>
<?cs def:content() ?>
<?cs call:range_form("/a/" + Account.id + "/mivb/ranges/" + Range.id, Lang.mivb.range.edit_title, Lang.common.save) ?>
<?cs /def ?>
