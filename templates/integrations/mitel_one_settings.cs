<?cs # Mitel One Settings (guide §3.1.4): Allow users to change their avatar; Remove, Cancel, Save. ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="mitel-one-settings-title">
  <h1 id="mitel-one-settings-title"><?cs var:Lang.integrations.mitel_one_settings.title ?></h1>
  <form method="post" action="/a/<?cs var:Account.id ?>/integrations/mitel_one">
    <?cs call:csrf() ?>
    <input type="hidden" name="from" value="<?cs var:MitelOne.From ?>">
    <?cs if:Form.Errors.from ?><p class="error" role="alert"><?cs var:Form.Errors.from ?></p><?cs /if ?>
    <div class="field toggle">
      <input type="checkbox" id="f-allow_avatar" name="allow_avatar" value="1"<?cs
        if:Form.Values.allow_avatar ?> checked<?cs /if ?><?cs if:!Can.integrations.edit ?> disabled<?cs /if ?>>
      <label for="f-allow_avatar"><?cs var:Lang.integrations.mitel_one_settings.allow_avatar ?></label>
    </div>
    <p class="hint"><?cs var:Lang.integrations.mitel_one_settings.about ?></p>
    <div class="actions">
      <?cs if:Can.integrations.delete ?><a class="button danger" href="/a/<?cs var:Account.id ?>/integrations/remove?kind=mitel_one&amp;from=<?cs var:MitelOne.From ?>"><?cs var:Lang.integrations.mitel_one_settings.remove ?></a><?cs /if ?>
      <a class="button secondary" href="<?cs var:MitelOne.Back ?>"><?cs var:Lang.common.cancel ?></a>
      <?cs if:Can.integrations.edit ?><button type="submit"><?cs var:Lang.common.save ?></button><?cs /if ?>
    </div>
  </form>
</section>
<?cs /def ?>
