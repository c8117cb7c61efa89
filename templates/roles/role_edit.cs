<?cs include:"roles/role_form.cs" ?>
<?cs include:"roles/role_tabs.cs" ?>
<?cs def:content() ?>
<?cs call:role_head("role") ?>
<section class="card wide">
<?cs if:Can.roles.edit && Me.is_partner ?>
  <form method="post" action="/roles/<?cs var:Role.id ?>" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("name", Lang.roles.role_form.name, "text", 1, "") ?>
    <?cs call:field("description", Lang.roles.role_form.description, "text", 0, "") ?>
    <?cs call:readonly(Lang.roles.role_form.base, Lang.roles.role_form.bases[Role.base]) ?>
    <?cs call:permission_matrix(Role.base, Matrix[Role.base], 1) ?>
    <div class="actions">
      <a class="button secondary" href="/roles"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
<?cs else ?>
  <p class="hint"><?cs var:Lang.roles.role_edit.read_only ?></p>
  <?cs call:readonly(Lang.roles.role_form.name, Role.name) ?>
  <?cs call:readonly(Lang.roles.role_form.description, Role.description) ?>
  <?cs call:readonly(Lang.roles.role_form.base, Lang.roles.role_form.bases[Role.base]) ?>
  <?cs call:permission_matrix(Role.base, Matrix[Role.base], 0) ?>
<?cs /if ?>
</section>
<?cs /def ?>
