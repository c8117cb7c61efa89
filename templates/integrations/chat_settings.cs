<?cs # Chat Service Settings (guide §2.12): the ⚙ of Chat. ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="chat-title">
  <h1 id="chat-title"><?cs var:Lang.integrations.chat_settings.title ?></h1>
  <p><?cs var:Lang.integrations.chat_settings.about ?></p>
  <form method="post" action="/a/<?cs var:Account.id ?>/integrations/chat">
    <?cs call:csrf() ?>
    <input type="hidden" name="from" value="<?cs var:Chat.From ?>">
    <?cs if:Form.Errors.from ?><p class="error" role="alert"><?cs var:Form.Errors.from ?></p><?cs /if ?>
    <div class="field toggle">
      <input type="checkbox" id="f-allow_edit_delete" name="allow_edit_delete" value="1"<?cs
        if:Form.Values.allow_edit_delete ?> checked<?cs /if ?><?cs if:!Can.integrations.edit ?> disabled<?cs /if ?>>
      <label for="f-allow_edit_delete"><?cs var:Lang.integrations.chat_settings.allow_edit_delete ?></label>
    </div>
    <div class="actions">
      <a class="button secondary" href="<?cs var:Chat.Back ?>"><?cs var:Lang.common.cancel ?></a>
      <?cs if:Can.integrations.edit ?><button type="submit"><?cs var:Lang.common.save ?></button><?cs /if ?>
    </div>
  </form>
</section>
<?cs /def ?>
