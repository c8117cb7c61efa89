<?cs # Remove MiVoice Business Service (guide §3.1.2.1): confirmed; the PBX
     deletes the user's services and keeps the user. ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users/" + User.id ?>
<section class="dialog" role="dialog" aria-labelledby="remove-title">
  <h1 id="remove-title"><?cs var:Lang.mivb.user_product.remove_title ?></h1>
  <form method="post" action="<?cs var:base ?>/mivb/remove">
    <?cs call:csrf() ?>
    <?cs if:Form.Errors.pbx ?><p class="error" id="e-pbx" role="alert"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
    <p><?cs var:User.display_name ?></p>
    <p><?cs var:Lang.mivb.user_product.remove_body ?></p>
    <div class="actions">
      <a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit" class="danger"><?cs var:Lang.users.user_products.remove ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
