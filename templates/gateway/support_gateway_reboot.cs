<?cs def:content() ?>
<?cs with:t = Lang.gateway.support_gateway_reboot ?>
<section class="dialog" role="dialog" aria-labelledby="confirm-title">
  <h1 id="confirm-title"><?cs var:t.title ?></h1>
  <p><?cs var:t.body ?></p>
  <p><?cs var:t.customer ?> <strong><?cs var:Account.name ?></strong></p>
  <p><?cs var:t.ip_address ?> <strong><?cs var:Gateway.ip_address ?></strong></p>
  <?cs if:!Controls.reachable ?><p class="flash flash-error" role="alert"><?cs var:Lang.gateway.controls.unreachable ?></p><?cs /if ?>
  <form method="post" action="<?cs var:Controls.action ?>/reboot" class="confirm-word" data-word="reboot" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.Errors.confirm ?> has-error<?cs /if ?>">
      <label for="f-confirm"><?cs var:Lang.common.type_word ?> 'reboot' <span class="req" aria-hidden="true">*</span></label>
      <input id="f-confirm" name="confirm" type="text" autocomplete="off" autofocus aria-required="true"<?cs
        if:Form.Errors.confirm ?> aria-invalid="true" aria-describedby="e-confirm"<?cs /if ?>>
      <?cs if:Form.Errors.confirm ?><p class="error" id="e-confirm"><?cs var:Form.Errors.confirm ?></p><?cs /if ?>
    </div>
    <div class="actions">
      <a class="button secondary" href="<?cs var:Controls.action ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit" class="danger"><?cs var:t.submit ?></button>
    </div>
  </form>
</section>
<?cs /with ?>
<?cs /def ?>
