<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users" ?>
<section class="card">
  <h1><?cs var:User.display_name ?></h1>
<?cs if:Users.ReadOnly ?>
  <?cs call:readonly(Lang.users.first_name, User.first_name) ?>
  <?cs call:readonly(Lang.users.last_name, User.last_name) ?>
  <?cs call:readonly(Lang.users.name, User.name) ?>
  <?cs call:readonly(Lang.users.email, User.email) ?>
  <?cs call:readonly(Lang.users.mobile, User.mobile) ?>
  <?cs call:readonly(Lang.users.role, User.role_label) ?>
  <div class="actions"><a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.back ?></a></div>
<?cs else ?>
  <form method="post" action="<?cs var:base ?>/<?cs var:User.id ?>" novalidate>
    <?cs call:csrf() ?>
    <div class="form-grid">
      <?cs call:field("first_name", Lang.users.first_name, "text", 0, "") ?>
      <?cs call:field("last_name", Lang.users.last_name, "text", 0, "") ?>
      <?cs call:field("name", Lang.users.name, "text", 0, Lang.users.name_hint) ?>
      <?cs call:field("email", Lang.users.email, "email", 1, "") ?>
      <?cs call:field("mobile", Lang.users.mobile, "tel", 0, Lang.users.mobile_hint) ?>
      <?cs if:User.role_choosable ?>
        <?cs call:select_field("role", Lang.users.role, Roles, 1) ?>
      <?cs else ?>
        <?cs call:readonly(Lang.users.role, User.role_label) ?>
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
  <h2><?cs var:Lang.users.details ?></h2>
  <?cs if:User.registered == 1 ?><?cs set:status = Lang.users.registered ?><?cs else ?><?cs set:status = Lang.users.unregistered ?><?cs /if ?>
  <?cs call:readonly(Lang.users.status, status) ?>
  <?cs if:User.registered != 1 && !Users.ReadOnly && Can.users.edit ?>
  <form method="post" action="<?cs var:base ?>/<?cs var:User.id ?>/welcome" class="inline">
    <?cs call:csrf() ?><button type="submit" class="link"><?cs var:Lang.users.resend_welcome ?></button>
  </form>
  <?cs /if ?>
  <?cs if:User.extension ?><?cs call:readonly(Lang.users.extension, User.extension) ?><?cs /if ?>
  <?cs call:readonly(Lang.users.source, User.source) ?>
  <?cs call:readonly(Lang.users.created, User.created) ?>
  <?cs if:User.updated_by_name ?>
  <?cs call:readonly(Lang.users.modified, User.modified + " (" + User.updated_by_name + ")") ?>
  <?cs else ?>
  <?cs call:readonly(Lang.users.modified, User.modified) ?>
  <?cs /if ?>
</section>

<?cs if:Can.users.delete && !Users.ReadOnly && !User.is_partner_staff && !User.is_me ?>
<div class="actions">
  <a class="button danger" href="<?cs var:base ?>/<?cs var:User.id ?>/delete"><?cs var:Lang.users.delete ?></a>
</div>
<?cs /if ?>
<?cs /def ?>
