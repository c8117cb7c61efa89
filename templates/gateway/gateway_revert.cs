<?cs include:"gateway/wizard.cs" ?>
<?cs # Revert To Factory Default? (guide §3.1.1): the word is checked on the server (routes.def .confirm). ?>
<?cs def:content() ?>
<?cs call:gateway_assets() ?>
<?cs with:t = Lang.gateway.gateway_revert ?>
<section class="dialog" role="dialog" aria-labelledby="confirm-title">
  <h1 id="confirm-title"><?cs var:t.title ?></h1>
  <p><?cs var:t.customer ?> <strong><?cs var:Account.name ?></strong></p>
  <p><?cs var:t.ip_address ?> <strong><?cs var:Revert.ip_address ?></strong></p>
  <form method="post" action="<?cs var:Wizard.base ?>/revert" class="confirm-word" data-word="revert" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.Errors.confirm ?> has-error<?cs /if ?>">
      <label for="f-confirm"><?cs var:t.type_before ?> <strong>revert</strong> <?cs var:t.type_after ?></label>
      <input id="f-confirm" name="confirm" type="text" autocomplete="off" autofocus aria-required="true"<?cs
        if:Form.Errors.confirm ?> aria-invalid="true" aria-describedby="e-confirm"<?cs /if ?>>
      <?cs if:Form.Errors.confirm ?><p class="error" id="e-confirm"><?cs var:Form.Errors.confirm ?></p><?cs /if ?>
    </div>
    <div class="actions">
      <a class="button secondary" href="<?cs var:Wizard.base ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit" class="danger"><?cs var:t.confirm ?></button>
    </div>
  </form>
</section>
<?cs /with ?>
<?cs /def ?>
