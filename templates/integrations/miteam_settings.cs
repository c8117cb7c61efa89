<?cs # MiTeam Meetings (guide §3.1.5.2): Optional Waiting Room, confirmed by typing its word. ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="miteam-title">
  <h1 id="miteam-title"><?cs var:Lang.integrations.miteam_settings.title ?></h1>
  <form method="post" action="/a/<?cs var:Account.id ?>/integrations/miteam" class="confirm-word" data-word="confirm">
    <?cs call:csrf() ?>
    <div class="field toggle">
      <input type="checkbox" id="f-waiting_room" name="waiting_room" value="1"<?cs if:Form.Values.waiting_room ?> checked<?cs /if ?>>
      <label for="f-waiting_room"><?cs var:Lang.integrations.miteam_settings.waiting_room ?></label>
    </div>
    <p class="hint"><?cs var:Lang.integrations.miteam_settings.about ?></p>
    <div class="field<?cs if:Form.Errors.confirm ?> has-error<?cs /if ?>">
      <label for="f-confirm"><?cs var:Lang.integrations.miteam_settings.type_confirm ?></label>
      <input id="f-confirm" name="confirm" type="text" autocomplete="off" placeholder="type 'confirm'" aria-required="true"<?cs
        if:Form.Errors.confirm ?> aria-invalid="true" aria-describedby="e-confirm"<?cs /if ?>>
      <?cs if:Form.Errors.confirm ?><p class="error" id="e-confirm"><?cs var:Form.Errors.confirm ?></p><?cs /if ?>
    </div>
    <div class="actions">
      <?cs if:Can.integrations.delete ?><a class="button danger" href="/a/<?cs var:Account.id ?>/integrations/remove?kind=miteam"><?cs var:Lang.integrations.miteam_settings.remove ?></a><?cs /if ?>
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/integrations"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
