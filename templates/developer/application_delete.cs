<?cs def:content() ?>
<?cs call:confirm_word("/developer/" + App.id + "/delete", "delete", Lang.developer.application_delete.title,
    Lang.developer.application_delete.body + " " + App.name + ".", Lang.common.delete, "/developer/" + App.id) ?>
<?cs /def ?>
