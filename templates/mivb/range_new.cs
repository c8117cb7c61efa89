<?cs include:"mivb/range_form.cs" ?>
<?cs def:content() ?>
<?cs call:range_form("/a/" + Account.id + "/mivb/ranges/new", Lang.mivb.range.add_title, Lang.mivb.range.add) ?>
<?cs /def ?>
