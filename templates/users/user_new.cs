<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users" ?>
<section class="card">
  <h1><?cs var:Lang.users.user_new.title ?></h1>
  <form method="post" action="<?cs var:base ?>/new" novalidate>
    <?cs call:csrf() ?>
    <div class="form-grid">
      <?cs call:field("first_name", Lang.users.user_form.first_name, "text", 0, "") ?>
      <?cs call:field("last_name", Lang.users.user_form.last_name, "text", 0, "") ?>
      <?cs call:field("name", Lang.users.user_form.name, "text", 0, Lang.users.user_form.name_hint) ?>
      <?cs call:field("email", Lang.users.user_form.email, "email", 1, "") ?>
      <?cs call:field("mobile", Lang.users.user_form.mobile, "tel", 0, Lang.users.user_form.mobile_hint) ?>
    </div>
    <?cs if:Account.is_partner ?>
      <p class="hint"><?cs var:Lang.users.user_form.partner_staff_note ?></p>
    <?cs elif:Can.roles.assign ?>
      <div class="field toggle">
        <input id="f-account_admin" name="account_admin" type="checkbox" value="1" role="switch"
          aria-describedby="h-account_admin"<?cs if:Form.Values.account_admin ?> checked<?cs /if ?>>
        <label for="f-account_admin"><?cs var:Lang.users.user_form.account_admin ?></label>
        <p class="hint" id="h-account_admin"><?cs var:Lang.users.user_form.account_admin_hint ?></p>
      </div>
    <?cs /if ?>
    <div class="actions">
      <a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.common.create ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
