<?cs # Removing Single Sign-On: the confirmation every removal has (ch3 §0.3). ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="remove-title">
  <h2 id="remove-title"><?cs var:Lang.integrations.sso_remove.title ?></h2>
  <p><?cs var:Lang.integrations.sso_remove.body ?></p>
  <form method="post" action="/a/<?cs var:Account.id ?>/integrations/sso/remove">
    <?cs call:csrf() ?>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/integrations/sso"><?cs var:Lang.common.cancel ?></a>
      <button type="submit" class="danger"><?cs var:Lang.integrations.sso_remove.submit ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
