<?cs include:"roles/role_form.cs" ?>
<?cs def:content() ?>
<section class="card wide">
  <?cs if:Form.Duplicate ?>
  <h1><?cs var:Lang.roles.role_new.duplicate_title ?></h1>
  <form method="post" action="/roles/<?cs var:Role.id ?>/duplicate" novalidate>
  <?cs else ?>
  <h1><?cs var:Lang.roles.role_new.title ?></h1>
  <form method="post" action="/roles/new" novalidate>
  <?cs /if ?>
    <?cs call:csrf() ?>
    <?cs call:field("name", Lang.roles.role_form.name, "text", 1, "") ?>
    <?cs call:field("description", Lang.roles.role_form.description, "text", 0, "") ?>
    <?cs if:Form.Duplicate ?>
      <?cs call:readonly(Lang.roles.role_form.base, Lang.roles.role_form.bases[Role.base]) ?>
      <p class="hint"><?cs var:Lang.roles.role_new.base_hint ?></p>
      <?cs call:permission_matrix(Role.base, Matrix[Role.base], 1) ?>
    <?cs else ?>
      <fieldset class="base-choice<?cs if:Form.Errors.base ?> has-error<?cs /if ?>">
        <legend><?cs var:Lang.roles.role_form.base ?></legend>
        <?cs each:b = Lang.roles.role_form.bases ?>
        <label class="radio"><input type="radio" name="base" value="<?cs name:b ?>" data-base-choice<?cs
          if:Form.Values.base == name(b) ?> checked<?cs /if ?>> <?cs var:b ?></label>
        <?cs /each ?>
        <?cs if:Form.Errors.base ?><p class="error" id="e-base"><?cs var:Form.Errors.base ?></p><?cs /if ?>
      </fieldset>
      <?cs call:permission_matrix("partner", Matrix.partner, 1) ?>
      <?cs call:permission_matrix("admin", Matrix.admin, 1) ?>
    <?cs /if ?>
    <div class="actions">
      <a class="button secondary" href="/roles"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
