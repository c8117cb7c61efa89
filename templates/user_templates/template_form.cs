<?cs # The user template form (guide §3.1.3.2): name, description, the MiVoice Business
     product with its defaults, its phone and keys. ?>
<?cs def:template_form(action, title, is_edit) ?>
<section class="card">
  <h1><?cs var:title ?></h1>
  <form method="post" action="<?cs var:action ?>">
    <?cs call:csrf() ?>
    <?cs call:field("name", Lang.user_templates.form.name, "text", 1, "") ?>
    <?cs call:field("description", Lang.user_templates.form.description, "text", 0, "") ?>
    <fieldset>
      <legend><?cs var:Lang.user_templates.form.products ?></legend>
      <label><input type="checkbox" name="mivb" value="1"<?cs if:Form.Values.mivb ?> checked<?cs /if ?>> <?cs var:Lang.mivb.nav ?></label>
    </fieldset>
    <fieldset>
      <legend><?cs var:Lang.mivb.nav ?></legend>
      <?cs call:field("category", Lang.user_templates.form.category, "text", 0, "") ?>
      <?cs call:field("group", Lang.mivb.user_config.group, "text", 0, "") ?>
      <?cs call:field("location", Lang.mivb.user_config.location, "text", 0, "") ?>
      <?cs call:field("department", Lang.mivb.user_config.department, "text", 0, "") ?>
      <?cs call:select_field("phone_type", Lang.user_templates.form.phone, PhoneTypes, 0) ?>
      <?cs call:select_field("model", Lang.mivb.user_config.model, Models, 0) ?>
      <table>
        <caption><?cs var:Lang.mivb.user_config.keys ?></caption>
        <thead><tr><th scope="col"><?cs var:Lang.user_templates.form.button ?></th><th scope="col"><?cs var:Lang.mivb.user_config.function ?></th>
          <th scope="col"><?cs var:Lang.mivb.user_config.label ?></th><th scope="col"><?cs var:Lang.mivb.user_config.ring_type ?></th>
          <th scope="col"><?cs var:Lang.mivb.user_config.extension ?></th><th scope="col"><?cs var:Lang.mivb.user_config.float ?></th></tr></thead>
        <tbody>
        <?cs each:n = KeyRows ?><?cs set:kp = "k" + n + "_" ?>
          <tr>
            <td><input name="<?cs var:kp ?>button" value="<?cs var:Form.Values[kp + "button"] ?>" size="3" inputmode="numeric" aria-label="<?cs var:Lang.user_templates.form.button ?> <?cs var:n ?>"></td>
            <td><select name="<?cs var:kp ?>function" aria-label="<?cs var:Lang.mivb.user_config.function ?> <?cs var:n ?>">
              <?cs each:f = Functions ?><option value="<?cs var:f.value ?>"<?cs if:f.value == Form.Values[kp + "function"] ?> selected<?cs /if ?>><?cs var:f.label ?></option><?cs /each ?>
            </select>
            <?cs if:Form.Errors[kp + "function"] ?><p class="error" id="e-<?cs var:kp ?>function"><?cs var:Form.Errors[kp + "function"] ?></p><?cs /if ?>
            <?cs if:Form.Errors[kp + "button"] ?><p class="error" id="e-<?cs var:kp ?>button"><?cs var:Form.Errors[kp + "button"] ?></p><?cs /if ?></td>
            <td><input name="<?cs var:kp ?>label" value="<?cs var:Form.Values[kp + "label"] ?>" aria-label="<?cs var:Lang.mivb.user_config.label ?> <?cs var:n ?>">
            <?cs if:Form.Errors[kp + "label"] ?><p class="error" id="e-<?cs var:kp ?>label"><?cs var:Form.Errors[kp + "label"] ?></p><?cs /if ?></td>
            <td><select name="<?cs var:kp ?>ring" aria-label="<?cs var:Lang.mivb.user_config.ring_type ?> <?cs var:n ?>">
              <?cs each:t = RingTypes ?><option value="<?cs var:t.value ?>"<?cs if:t.value == Form.Values[kp + "ring"] ?> selected<?cs /if ?>><?cs var:t.label ?></option><?cs /each ?>
            </select>
            <?cs if:Form.Errors[kp + "ring"] ?><p class="error" id="e-<?cs var:kp ?>ring"><?cs var:Form.Errors[kp + "ring"] ?></p><?cs /if ?></td>
            <td><input name="<?cs var:kp ?>ext" value="<?cs var:Form.Values[kp + "ext"] ?>" size="8" inputmode="numeric" aria-label="<?cs var:Lang.mivb.user_config.extension ?> <?cs var:n ?>">
            <?cs if:Form.Errors[kp + "ext"] ?><p class="error" id="e-<?cs var:kp ?>ext"><?cs var:Form.Errors[kp + "ext"] ?></p><?cs /if ?></td>
            <td><input type="checkbox" name="<?cs var:kp ?>float" value="1"<?cs if:Form.Values[kp + "float"] ?> checked<?cs /if ?> aria-label="<?cs var:Lang.mivb.user_config.float ?> <?cs var:n ?>">
            <?cs if:Form.Errors[kp + "float"] ?><p class="error" id="e-<?cs var:kp ?>float"><?cs var:Form.Errors[kp + "float"] ?></p><?cs /if ?></td>
          </tr>
        <?cs /each ?>
        </tbody>
      </table>
    </fieldset>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/user-templates"><?cs var:Lang.common.cancel ?></a>
      <?cs if:is_edit && Template.CanDelete ?><a class="button secondary" href="<?cs var:action ?>/delete"><?cs var:Lang.common.delete ?></a><?cs /if ?>
      <?cs if:is_edit && Template.CanSaveAsNew ?><button type="submit" name="action" value="save_as_new" class="secondary"><?cs var:Lang.user_templates.form.save_as_new ?></button><?cs /if ?>
      <button type="submit" name="action" value="save"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
