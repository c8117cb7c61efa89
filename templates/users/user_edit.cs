<?cs # A field the user's source owns (a PBX, Azure AD Sync, a SCIM source):
     its value, read-only, with the note naming the source (guide §2.4 notes). ?>
<?cs def:owned_or_field(name, label, type, required, hint) ?>
<?cs if:User.Owned[name] ?>
<div class="field readonly"><span class="label"><?cs var:label ?></span><span class="value"><?cs var:User[name] ?></span>
  <input type="hidden" name="<?cs var:name ?>" value="<?cs var:User[name] ?>">
  <p class="hint"><?cs var:User.Owned[name] ?></p>
  <?cs if:Form.Errors[name] ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?></div>
<?cs else ?><?cs call:field(name, label, type, required, hint) ?><?cs /if ?>
<?cs /def ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users" ?>
<section class="card">
  <h1><?cs var:User.display_name ?></h1>
<?cs if:Users.ReadOnly ?>
  <?cs call:readonly(Lang.users.user_form.first_name, User.first_name) ?>
  <?cs call:readonly(Lang.users.user_form.last_name, User.last_name) ?>
  <?cs call:readonly(Lang.users.user_form.name, User.name) ?>
  <?cs call:readonly(Lang.users.user_form.email, User.email) ?>
  <?cs call:readonly(Lang.users.user_form.mobile, User.mobile) ?>
  <?cs call:readonly(Lang.users.user_form.role, User.role_label) ?>
  <div class="actions"><a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.back ?></a></div>
<?cs else ?>
  <form method="post" action="<?cs var:base ?>/<?cs var:User.id ?>" novalidate>
    <?cs call:csrf() ?>
    <div class="form-grid">
      <?cs call:owned_or_field("first_name", Lang.users.user_form.first_name, "text", 0, "") ?>
      <?cs call:owned_or_field("last_name", Lang.users.user_form.last_name, "text", 0, "") ?>
      <?cs call:owned_or_field("name", Lang.users.user_form.name, "text", 0, Lang.users.user_form.name_hint) ?>
      <?cs call:owned_or_field("email", Lang.users.user_form.email, "email", 1, "") ?>
      <?cs call:owned_or_field("mobile", Lang.users.user_form.mobile, "tel", 0, Lang.users.user_form.mobile_hint) ?>
      <?cs if:User.role_choosable ?>
        <?cs call:select_field("role", Lang.users.user_form.role, Roles, 1) ?>
      <?cs else ?>
        <?cs call:readonly(Lang.users.user_form.role, User.role_label) ?>
      <?cs /if ?>
    </div>
    <div class="actions">
      <a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
<?cs /if ?>
</section>

<section class="card">
  <h2><?cs var:Lang.users.user_edit.details ?></h2>
  <?cs if:User.registered == 1 ?><?cs set:status = Lang.users.user_edit.registered ?><?cs else ?><?cs set:status = Lang.users.user_edit.unregistered ?><?cs /if ?>
  <?cs call:readonly(Lang.users.user_edit.status, status) ?>
  <?cs if:User.registered != 1 && Users.CanWelcome ?>
  <form method="post" action="<?cs var:base ?>/<?cs var:User.id ?>/welcome" class="inline">
    <?cs call:csrf() ?><button type="submit" class="link"><?cs var:Lang.users.user_edit.resend_welcome ?></button>
  </form>
  <?cs /if ?>
  <?cs if:User.extension ?><?cs call:readonly(Lang.users.user_edit.extension, User.extension) ?><?cs /if ?>
  <?cs call:readonly(Lang.users.user_edit.source, User.source) ?>
  <?cs if:subcount(User.Groups) ?>
  <div class="field readonly"><span class="label"><?cs var:Lang.users.user_edit.groups ?></span>
    <ul class="value groups" aria-label="<?cs var:Lang.users.user_edit.groups ?>">
    <?cs each:g = User.Groups ?><li><a href="<?cs var:base ?>?group=<?cs var:g.id ?>"><?cs var:g.name ?></a></li><?cs /each ?>
    </ul></div>
  <?cs /if ?>
  <?cs call:readonly(Lang.users.user_edit.created, User.created) ?>
  <?cs if:User.updated_by_name ?>
  <?cs call:readonly(Lang.users.user_edit.modified, User.modified + " (" + User.updated_by_name + ")") ?>
  <?cs else ?>
  <?cs call:readonly(Lang.users.user_edit.modified, User.modified) ?>
  <?cs /if ?>
</section>

<?cs # A SCIM-provisioned user's document as its client sent it (guide §2.4 notes: Advanced) ?>
<?cs if:User.ScimDocument ?>
<section class="card" aria-labelledby="advanced-heading">
  <h2 id="advanced-heading"><?cs var:Lang.users.user_edit.advanced ?></h2>
  <p class="hint"><?cs var:Lang.users.user_edit.scim_data ?></p>
  <pre class="scim-data" aria-label="<?cs var:Lang.users.user_edit.scim_data ?>"><?cs var:User.ScimDocument ?></pre>
</section>
<?cs /if ?>

<?cs if:Licenses.shown ?>
<section class="card" aria-labelledby="products-heading">
  <div class="toolbar">
    <h2 id="products-heading"><?cs var:Lang.users.user_products.title ?></h2>
    <span class="spacer"></span>
    <?cs if:!Users.ReadOnly ?><a class="button secondary" href="/a/<?cs var:Account.id ?>/users/<?cs var:User.id ?>/products"><?cs var:Lang.users.user_products.add_product ?></a><?cs /if ?>
  </div>
  <?cs if:Users.MivbService.shown ?><?cs set:mivb_base = "/a/" + Account.id + "/users/" + User.id + "/mivb" ?>
  <ul class="plain products" aria-label="<?cs var:Lang.mivb.user_config.service ?>">
    <li><?cs var:Lang.mivb.user_config.service ?>: <?cs if:Users.MivbService.category ?><?cs var:Lang.mivb.user_service.product ?> - <?cs
      var:Users.MivbService.category ?>
      <a class="button small" href="<?cs var:mivb_base ?>/service"><?cs var:Lang.mivb.user_service.upgrade ?></a><?cs
      else ?><?cs var:Lang.mivb.user_service.no_service ?>
      <a class="button small" href="<?cs var:mivb_base ?>/service"><?cs var:Lang.mivb.user_service.complete_setup ?></a><?cs /if ?>
      <a class="button small secondary" href="<?cs var:mivb_base ?>" aria-label="<?cs var:Lang.mivb.user_config.service_link ?>">⚙ <?cs var:Lang.mivb.user_service.settings ?></a><?cs
      if:!Users.ReadOnly ?>
      <a class="button small secondary" href="<?cs var:mivb_base ?>/remove" aria-label="<?cs var:Lang.mivb.user_product.remove_title ?>"><?cs var:Lang.users.user_products.remove ?></a><?cs /if ?></li>
  </ul>
  <?cs /if ?>
  <?cs # MiTeam Meetings' toggle (guide §3.1.5.1): read-only under MiCollab,
       disabled while no licence is free, "No Licenses" while its
       integration is off (or under MiCollab for a user holding none): the
       row's own words when the user holds other products, else the
       section's. ?>
  <?cs if:Licenses.Miteam.state ?>
  <?cs with:mt = Licenses.Miteam ?>
  <div class="integration product-toggle" id="miteam-license">
    <div class="what"><span class="name" id="miteam-license-name"><?cs var:Lang.users.user_products.miteam ?></span>
    <?cs if:(mt.state == "no_integration" || (mt.state == "micollab" && !mt.held)) && Licenses.held > 0 ?>
      <p class="status"><?cs var:Lang.users.user_products.no_licenses ?></p><?cs
    elif:mt.state == "not_available" && !mt.held ?>
      <p class="status level-warn"><?cs var:Lang.users.user_products.not_available ?></p><?cs /if ?>
    <?cs if:mt.state == "micollab" ?><p class="hint"><?cs var:Lang.users.user_products.micollab ?></p><?cs /if ?>
    </div>
    <?cs if:mt.state != "no_integration" && (mt.state != "micollab" || mt.held) ?>
    <div class="controls">
    <?cs set:live = mt.state != "micollab" && !Users.ReadOnly && (mt.held || mt.state == "available") ?>
    <?cs if:live ?>
      <form method="post" action="/a/<?cs var:Account.id ?>/users/<?cs var:User.id ?>/products" class="inline">
        <?cs call:csrf() ?>
        <input type="hidden" name="product" value="MiTeam Meetings">
        <input type="hidden" name="action" value="<?cs if:mt.held ?>remove<?cs else ?>add<?cs /if ?>">
    <?cs /if ?>
        <button type="<?cs if:live ?>submit<?cs else ?>button<?cs /if ?>" class="switch" role="switch" aria-checked="<?cs if:mt.held ?>true<?cs else ?>false<?cs /if ?>"
          aria-labelledby="miteam-license-name"<?cs if:!live ?> disabled<?cs if:mt.state == "micollab" ?> aria-readonly="true"<?cs /if ?><?cs /if ?>><span class="switch-text"><?cs
          if:mt.held ?><?cs var:Lang.integrations.panel.on ?><?cs else ?><?cs var:Lang.integrations.panel.off ?><?cs /if ?></span></button>
    <?cs if:live ?></form><?cs /if ?>
    </div>
    <?cs /if ?>
  </div>
  <?cs /with ?>
  <?cs /if ?>
  <?cs if:Licenses.held == 0 ?>
  <?cs if:!Licenses.Miteam.held && !Users.MivbService.shown ?><p class="empty"><?cs var:Lang.users.user_products.no_licenses ?></p><?cs /if ?>
  <?cs else ?>
  <ul class="plain products">
    <?cs each:p = Licenses.Products ?><?cs if:p.held && p.product != "MiTeam Meetings" ?>
    <li><?cs var:p.product ?><?cs if:p.product == "Mitel One" ?><?cs if:p.tier ?> - <?cs var:p.tier ?><?cs /if ?>
      <?cs if:!Users.ReadOnly ?><a class="button small" href="/a/<?cs var:Account.id ?>/users/<?cs var:User.id ?>/mitel-one"><?cs
        if:p.tier ?>⚙ <?cs var:Lang.users.user_mitel_one.configure ?><?cs else ?><?cs var:Lang.users.user_mitel_one.complete_setup ?><?cs /if ?></a><?cs /if ?><?cs /if ?>
      <?cs if:!Users.ReadOnly && p.state != "micollab" ?>
      <form method="post" action="/a/<?cs var:Account.id ?>/users/<?cs var:User.id ?>/products" class="inline">
        <?cs call:csrf() ?>
        <input type="hidden" name="product" value="<?cs var:p.product ?>">
        <input type="hidden" name="action" value="remove">
        <button type="submit" class="link" aria-label="<?cs var:Lang.users.user_products.remove ?> <?cs var:p.product ?>"><?cs var:Lang.users.user_products.remove ?></button>
      </form>
      <?cs elif:p.state == "micollab" ?><span class="hint"><?cs var:Lang.users.user_products.micollab ?></span><?cs /if ?>
    </li>
    <?cs /if ?><?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
<?cs /if ?>

<?cs if:Users.CanDelete ?>
<div class="actions">
  <a class="button danger" href="<?cs var:base ?>/<?cs var:User.id ?>/delete"><?cs var:Lang.users.user_edit.delete ?></a>
</div>
<?cs /if ?>
<?cs /def ?>
