<?cs include:"gateway/wizard.cs" ?>
<?cs def:content() ?>
<?cs call:wizard_head() ?>
<section class="card">
  <h2><?cs var:Lang.gateway.gateway.heading ?></h2>
  <p><?cs var:Lang.gateway.gateway.intro ?></p>
  <p><?cs var:Lang.gateway.gateway.not_added ?></p>
  <?cs if:Wizard.can_add ?>
  <form method="post" action="<?cs var:Wizard.base ?>">
    <?cs call:csrf() ?>
    <div class="actions"><button type="submit"><?cs var:Lang.gateway.gateway.add ?></button></div>
  </form>
  <?cs else ?>
  <p class="hint"><?cs var:Lang.gateway.gateway.no_permission ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
