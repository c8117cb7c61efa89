<?cs def:content() ?>
<?cs include:"columns_form.cs" ?>
<?cs /def ?>
