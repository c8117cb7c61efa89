<?cs include:"integrations/panel.cs" ?>
<?cs def:content() ?>
<h1><?cs var:Lang.integrations.integrations.title ?></h1>
<?cs call:integrations_warnings() ?>
<?cs call:integrations_panel() ?>
<?cs /def ?>
