<?cs # Products and licenses (guide §3.1.4.1 step b): the account's products,
     each with Add while its pool has a licence left; with MiVoice Business, its
     MiVoice Business Service (guide §3.1.2.1). ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users/" + User.id ?>
<section class="dialog" role="dialog" aria-labelledby="products-title">
  <h1 id="products-title"><?cs var:Lang.users.user_products.title ?></h1>
  <p class="hint"><?cs var:User.display_name ?></p>
  <?cs if:Form.Errors.product ?><p class="error" id="e-product" role="alert"><?cs var:Form.Errors.product ?></p><?cs /if ?>
  <?cs if:Form.Errors.pbx ?><p class="error" id="e-pbx" role="alert"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
  <?cs if:Products.Mivb.name ?>
  <table class="list products">
    <tbody>
      <tr>
        <th scope="row"><?cs var:Products.Mivb.name ?></th>
        <td><?cs if:Products.Mivb.added ?><?cs var:Lang.users.user_products.added ?><?cs else ?>
          <form method="post" action="<?cs var:base ?>/products" class="inline">
            <?cs call:csrf() ?>
            <input type="hidden" name="product" value="<?cs var:Products.Mivb.name ?>">
            <input type="hidden" name="action" value="add">
            <button type="submit" class="secondary" aria-label="<?cs var:Lang.users.user_products.add ?> <?cs var:Products.Mivb.name ?>"><?cs var:Lang.users.user_products.add ?></button>
            <span class="hint"><?cs var:Lang.mivb.user_product.hint ?></span>
          </form><?cs /if ?></td>
      </tr>
    </tbody>
  </table>
  <?cs /if ?>
  <?cs if:subcount(Licenses.Products) == 0 ?>
  <?cs if:!Products.Mivb.name ?><p class="empty"><?cs var:Lang.users.user_products.none ?></p><?cs /if ?>
  <?cs else ?>
  <table class="list products">
    <tbody>
    <?cs each:p = Licenses.Products ?>
      <tr>
        <th scope="row"><?cs var:p.product ?></th>
        <td><?cs if:p.held ?><?cs var:Lang.users.user_products.added ?><?cs
          elif:p.state == "micollab" ?><?cs var:Lang.users.user_products.micollab ?><?cs
          elif:p.state == "no_integration" ?><span class="muted"><?cs var:Lang.users.user_products.no_licenses ?></span><?cs
          elif:p.state == "not_available" ?><span class="muted"><?cs var:Lang.users.user_products.not_available ?></span><?cs
          else ?>
          <form method="post" action="<?cs var:base ?>/products" class="inline">
            <?cs call:csrf() ?>
            <input type="hidden" name="product" value="<?cs var:p.product ?>">
            <input type="hidden" name="action" value="add">
            <button type="submit" class="secondary" aria-label="<?cs var:Lang.users.user_products.add ?> <?cs var:p.product ?>"><?cs var:Lang.users.user_products.add ?></button>
            <span class="hint"><?cs var:p.remaining ?> <?cs var:Lang.users.user_products.left ?></span>
          </form><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
  <div class="actions"><a class="button" href="<?cs var:base ?>"><?cs var:Lang.users.user_products.done ?></a></div>
</section>
<?cs /def ?>
