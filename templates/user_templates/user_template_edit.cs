<?cs include:"user_templates/template_form.cs" ?>
<?cs def:content() ?>
<?cs call:template_form("/a/" + Account.id + "/user-templates/" + Template.id, Lang.user_templates.form.edit_title, 1) ?>
<?cs /def ?>
