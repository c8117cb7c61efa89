<?cs include:"gateway/wizard.cs" ?>
<?cs include:"gateway/controls.cs" ?>
<?cs def:content() ?>
<?cs call:wizard_head() ?>
<?cs call:gateway_controls() ?>
<?cs /def ?>
