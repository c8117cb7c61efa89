<?cs include:"user_templates/template_form.cs" ?>
<?cs def:content() ?>
<?cs call:template_form("/a/" + Account.id + "/user-templates/new", Lang.user_templates.form.create_title, 0) ?>
<?cs /def ?>
