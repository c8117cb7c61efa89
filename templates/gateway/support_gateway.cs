<?cs include:"gateway/wizard.cs" ?>
<?cs include:"gateway/controls.cs" ?>
<?cs def:content() ?>
<?cs call:gateway_assets() ?>
<h1><?cs var:Lang.gateway.support_gateway.title ?></h1>
<?cs call:gateway_controls() ?>
<?cs /def ?>
