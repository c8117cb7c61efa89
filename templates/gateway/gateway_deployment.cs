<?cs include:"gateway/wizard.cs" ?>
<?cs def:content() ?>
<?cs call:wizard_head() ?>
<?cs with:t = Lang.gateway.gateway_deployment ?>
<?cs if:Deployment.mode == "early" ?>
<section class="card">
  <h2><?cs var:t.heading ?></h2>
  <?cs call:form_error() ?>
  <p><?cs var:t.early ?> <a href="<?cs var:Wizard.base ?>/connect"><?cs var:Lang.gateway.wizard.tabs.connect ?></a></p>
</section>
<?cs else ?>
<form method="post" action="<?cs var:Wizard.base ?>/deployment" class="card" novalidate>
  <?cs call:csrf() ?>
  <?cs call:form_error() ?>
  <h2><?cs var:t.heading ?></h2>
  <?cs if:Deployment.mode == "complete" ?><p class="status-line level-ok"><?cs var:t.done ?></p><?cs /if ?>
  <p><?cs var:t.intro ?> <?cs var:Deployment.app ?> <?cs var:t.intro_after ?></p>
  <div class="field toggle">
    <input id="f-to_users" name="to_users" type="checkbox" value="1"<?cs if:Form.Values.to_users == "1" ?> checked<?cs /if ?>>
    <label for="f-to_users"><?cs var:t.to_users ?></label>
  </div>
  <div class="actions">
    <a class="button secondary" href="<?cs var:Wizard.return_href ?>"><?cs var:Lang.gateway.wizard.cancel ?></a>
    <button type="submit"><?cs var:t.complete ?></button>
  </div>
</form>
<?cs /if ?>
<?cs /with ?>
<?cs /def ?>
