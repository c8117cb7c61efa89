<?cs # MiVoice Business's settings (guide §3.1.2): the Customer Admin Portal feature. ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="mivb-title">
  <h1 id="mivb-title"><?cs var:Lang.mivb.mivb_setup.title ?></h1>
  <p><?cs var:Lang.mivb.mivb_setup.about ?></p>
  <?cs if:!Mivb.Linked ?><p class="hint"><?cs var:Lang.mivb.mivb_setup.needs_pbx ?></p><?cs /if ?>
  <form method="post" action="/a/<?cs var:Account.id ?>/integrations/mivb">
    <?cs call:csrf() ?>
    <div class="field toggle<?cs if:Form.Errors.admin_portal ?> has-error<?cs /if ?>">
      <input type="checkbox" id="f-admin_portal" name="admin_portal" value="1"<?cs
        if:Form.Values.admin_portal ?> checked<?cs /if ?><?cs if:!Can.integrations.edit ?> disabled<?cs /if ?><?cs
        if:Form.Errors.admin_portal ?> aria-invalid="true" aria-describedby="e-admin_portal"<?cs /if ?>>
      <label for="f-admin_portal"><?cs var:Lang.mivb.mivb_setup.admin_portal ?></label>
      <?cs if:Form.Errors.admin_portal ?><p class="error" id="e-admin_portal"><?cs var:Form.Errors.admin_portal ?></p><?cs /if ?>
    </div>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/integrations"><?cs var:Lang.common.cancel ?></a>
      <?cs if:Can.integrations.edit ?><button type="submit"><?cs var:Lang.mivb.mivb_setup.done ?></button><?cs /if ?>
    </div>
  </form>
</section>
<?cs /def ?>
