<?cs def:content() ?>
<?cs call:confirm_word(Template.path + "/delete", "delete", Lang.user_templates.delete.title, Template.name, Lang.common.delete, "/a/" + Account.id + "/user-templates") ?>
<?cs /def ?>
