<?cs # Remove <X> Integration (ch3 §0.3): Cancel, or Remove integration. ?>
<?cs def:content() ?>
<section class="dialog" role="alertdialog" aria-labelledby="remove-title" aria-describedby="remove-body">
  <h1 id="remove-title"><?cs var:Lang.integrations.integration_remove.remove ?> <?cs var:Remove.Name ?> <?cs var:Lang.integrations.integration_remove.integration ?></h1>
  <p id="remove-body"><?cs var:Lang.integrations.integration_remove.body ?></p>
  <?cs if:Form.Errors.from ?><p class="error" role="alert"><?cs var:Form.Errors.from ?></p><?cs /if ?>
  <form method="post" action="/a/<?cs var:Account.id ?>/integrations/remove">
    <?cs call:csrf() ?>
    <input type="hidden" name="kind" value="<?cs var:Remove.Kind ?>">
    <input type="hidden" name="from" value="<?cs var:Remove.From ?>">
    <div class="actions">
      <a class="button secondary" href="<?cs var:Remove.Back ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit" class="danger"><?cs var:Lang.integrations.integration_remove.confirm ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
