<?cs include:"gateway/wizard.cs" ?>
<?cs include:"gateway/controls.cs" ?>
<?cs def:content() ?>
<?cs call:gateway_assets() ?>
<h1><?cs var:Lang.gateway.support_gateway.title ?></h1>
<?cs if:Wizard.added ?>
<p class="integration-link"><a href="<?cs var:Wizard.base ?>"><?cs var:Lang.gateway.wizard.title ?></a></p>
<?cs call:status_line(Status) ?>
<?cs /if ?>
<?cs call:gateway_controls() ?>
<?cs /def ?>
