<?cs include:"users/manage_parts.cs" ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users" ?>
<section class="card">
  <p><a href="<?cs var:base ?>">&lt; <?cs var:Lang.users.manage.return ?></a></p>
  <h1><?cs var:Manage.Heading ?></h1>
<?cs if:Manage.Refused ?>
  <p class="flash flash-error" role="alert"><?cs var:Manage.Refused ?></p>
<?cs elif:Manage.Delete ?>
  <section class="dialog" role="dialog" aria-labelledby="confirm-title">
    <h2 id="confirm-title"><?cs var:Lang.users.manage.delete_title ?></h2>
    <p><?cs var:Lang.users.manage.delete_body ?></p>
    <form method="post" action="<?cs var:base ?>/manage/delete" class="confirm-word" data-word="<?cs var:Manage.Delete ?>">
      <?cs call:csrf() ?><?cs call:manage_hidden() ?>
      <div class="field<?cs if:Form.Errors.confirm ?> has-error<?cs /if ?>">
        <label for="f-confirm"><?cs var:Lang.common.type_word ?> '<?cs var:Manage.Delete ?>' <span class="req" aria-hidden="true">*</span></label>
        <input id="f-confirm" name="confirm" type="text" autocomplete="off" autofocus aria-required="true"<?cs
          if:Form.Errors.confirm ?> aria-invalid="true" aria-describedby="e-confirm"<?cs /if ?>>
        <?cs if:Form.Errors.confirm ?><p class="error" id="e-confirm"><?cs var:Form.Errors.confirm ?></p><?cs /if ?>
      </div>
      <div class="actions">
        <a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.cancel ?></a>
        <button type="submit" class="danger"><?cs var:Lang.common.delete ?></button>
      </div>
    </form>
  </section>
<?cs else ?>
  <h2><?cs var:Lang.users.manage.actions ?></h2>
  <form method="post" action="<?cs var:base ?>/manage" class="manage-actions">
    <?cs call:csrf() ?><?cs call:manage_hidden() ?>
    <?cs if:!Manage.All ?>
      <button type="submit" name="action" value="welcome" class="link"><?cs var:Lang.users.manage.welcome ?></button>
      <button type="submit" name="action" value="reset" class="link"><?cs var:Lang.users.manage.reset ?></button>
    <?cs else ?>
      <button type="submit" name="action" value="welcome" class="link"><?cs var:Lang.users.manage.welcome_all ?></button>
      <button type="submit" name="action" value="reset" class="link"><?cs var:Lang.users.manage.reset_all ?></button>
    <?cs /if ?>
  </form>
  <?cs if:Can.users.delete ?>
  <form method="get" action="<?cs var:base ?>/manage/delete" class="manage-actions">
    <?cs call:manage_hidden() ?>
    <button type="submit" class="link danger"><?cs var:Lang.users.manage.delete ?></button>
  </form>
  <?cs /if ?>
  <p class="hint"><?cs var:Lang.users.manage.note ?></p>
  <?cs if:!Account.is_partner ?>
  <h2><?cs var:Lang.users.manage_mitel_one.bulk ?></h2>
  <form method="get" action="<?cs var:base ?>/manage/mitel-one" class="manage-actions">
    <?cs call:manage_hidden() ?>
    <button type="submit" class="link" aria-label="<?cs var:Lang.users.manage_mitel_one.settings ?>: <?cs var:Lang.users.manage_mitel_one.title ?>">⚙ <?cs var:Lang.users.manage_mitel_one.title ?></button>
  </form>
  <?cs /if ?>
<?cs /if ?>
</section>
<?cs /def ?>
