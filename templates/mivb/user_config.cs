<?cs # A user's MiVoice Business User Configuration (guide §3.1.2.2): Service Programming,
     Phones and each desk phone's Programmable Keys; Save sends it all to the PBX at once. ?>
<?cs def:content() ?>
<section class="card">
  <h1><?cs var:Lang.mivb.user_config.title ?></h1>
  <p class="subtitle"><?cs var:Conf.user_name ?></p>
  <?cs if:Mivb.Unavailable ?><p class="error" role="alert"><?cs var:Mivb.Unavailable ?></p><?cs /if ?>
  <form method="post" action="/a/<?cs var:Account.id ?>/users/<?cs var:Conf.user ?>/mivb">
    <?cs call:csrf() ?>
    <input type="hidden" name="token" value="<?cs var:Conf.token ?>">
    <?cs if:Form.Errors.pbx ?><p class="error" role="alert" id="e-pbx"><?cs var:Form.Errors.pbx ?><?cs
      if:Mivb.Reload ?> <a href="/a/<?cs var:Account.id ?>/users/<?cs var:Conf.user ?>/mivb"><?cs var:Lang.mivb.reload ?></a><?cs /if ?></p><?cs /if ?>

    <fieldset>
      <legend><?cs var:Lang.mivb.user_config.service ?><?cs if:!Conf.category ?> <?cs var:Lang.mivb.user_config.no_service ?><?cs /if ?></legend>
      <?cs call:select_field("category", Lang.mivb.user_config.category, Categories, 0) ?>
      <?cs call:select_field("template", Lang.mivb.user_config.template, Templates, 0) ?>
      <label><input type="checkbox" name="filter" value="1"<?cs if:Conf.filter ?> checked<?cs /if ?>> <?cs var:Lang.mivb.user_config.filter ?></label>
      <button type="submit" name="action" value="apply_template" class="secondary"><?cs var:Lang.mivb.user_config.apply ?></button>
    </fieldset>

    <h2 id="service-programming"><?cs var:Lang.mivb.user_config.service_programming ?></h2>
    <?cs call:select_field("group", Lang.mivb.user_config.group, Groups, 0) ?>
    <div class="field<?cs if:Form.Errors.pin ?> has-error<?cs /if ?>">
      <label for="f-pin"><?cs var:Lang.mivb.user_config.pin ?></label>
      <input id="f-pin" name="pin" type="text" inputmode="numeric" autocomplete="off" value="<?cs var:Form.Values.pin ?>"
        aria-describedby="h-pin<?cs if:Form.Errors.pin ?> e-pin<?cs /if ?>"<?cs if:Form.Errors.pin ?> aria-invalid="true"<?cs /if ?>>
      <button type="submit" name="action" value="autogen" class="secondary"><?cs var:Lang.mivb.user_config.autogen ?></button>
      <p class="hint" id="h-pin"><?cs var:Lang.mivb.user_config.pin_rules ?></p>
      <?cs if:Form.Errors.pin ?><p class="error" id="e-pin"><?cs var:Form.Errors.pin ?></p><?cs /if ?>
    </div>
    <?cs call:select_field("location", Lang.mivb.user_config.location, Locations, 0) ?>
    <?cs call:field("department", Lang.mivb.user_config.department, "text", 0, "") ?>

    <h2 id="phones"><?cs var:Lang.mivb.user_config.phones ?></h2>
    <?cs each:p = Phones ?><?cs set:i = name(p) ?>
    <fieldset class="phone">
      <legend><?cs var:p.type_label ?><?cs if:p.dn ?> <?cs var:p.dn ?><?cs /if ?></legend>
      <input type="hidden" name="p<?cs var:i ?>_type" value="<?cs var:p.type ?>">
      <input type="hidden" name="p<?cs var:i ?>_id" value="<?cs var:p.id ?>">
      <?cs set:dn = "p" + i + "_dn" ?><?cs set:Form.Values[dn] = p.dn ?>
      <?cs call:field(dn, Lang.mivb.user_config.dn, "text", 1, "") ?>
      <?cs if:p.type == "desk" ?>
        <?cs set:mf = "p" + i + "_model" ?><?cs set:Form.Values[mf] = p.model ?>
        <?cs call:select_field(mf, Lang.mivb.user_config.model, Models, 1) ?>
      <?cs elif:p.type == "hotdesk" ?>
        <fieldset><legend><?cs var:Lang.mivb.user_config.options ?></legend>
          <label><input type="checkbox" name="p<?cs var:i ?>_acd_agent" value="1"<?cs if:p.acd_agent ?> checked<?cs /if ?>> <?cs var:Lang.mivb.user_config.acd_agent ?></label>
          <label><input type="checkbox" name="p<?cs var:i ?>_external_phone" value="1"<?cs if:p.external_phone ?> checked<?cs /if ?>> <?cs var:Lang.mivb.user_config.external_phone ?></label>
        </fieldset>
      <?cs /if ?>
      <label><input type="checkbox" name="p<?cs var:i ?>_remove" value="1"> <?cs var:Lang.mivb.user_config.remove_phone ?></label>
      <?cs if:p.key_count ?>
      <h3><?cs var:Lang.mivb.user_config.keys ?></h3>
      <p><?cs var:Lang.mivb.user_config.phone_type ?> <?cs var:p.model ?>: <?cs var:p.key_count ?> <?cs var:Lang.mivb.user_config.keys_count ?></p>
      <ol class="keys">
      <?cs each:k = p.Keys ?><?cs set:kp = "p" + i + "_k" + k.button + "_" ?>
        <li><details<?cs if:Form.Errors[kp + "function"] || Form.Errors[kp + "label"] || Form.Errors[kp + "ring"] || Form.Errors[kp + "ext"] || Form.Errors[kp + "float"] ?> open<?cs /if ?>>
          <summary><?cs var:k.button ?>: <?cs if:k.function_label ?><?cs var:k.function_label ?><?cs if:k.label ?> (<?cs var:k.label ?>)<?cs /if ?><?cs else ?><?cs var:Lang.mivb.user_config.not_assigned ?><?cs /if ?><?cs if:k.float ?> · <?cs var:Lang.mivb.user_config.float ?><?cs /if ?></summary>
          <h4><?cs var:Lang.mivb.user_config.edit_key ?> <?cs var:k.button ?></h4>
          <div class="field<?cs if:Form.Errors[kp + "function"] ?> has-error<?cs /if ?>">
            <label for="f-<?cs var:kp ?>function"><?cs var:Lang.mivb.user_config.function ?></label>
            <select id="f-<?cs var:kp ?>function" name="<?cs var:kp ?>function">
              <?cs each:f = p.Functions ?><option value="<?cs var:f.value ?>"<?cs if:f.value == k.function || (!k.function && f.value == "not_assigned") ?> selected<?cs /if ?><?cs if:!f.fits ?> disabled<?cs /if ?>><?cs var:f.label ?><?cs if:!f.fits ?> <?cs var:Lang.mivb.user_config.not_compatible ?><?cs /if ?></option><?cs /each ?>
            </select>
            <?cs if:Form.Errors[kp + "function"] ?><p class="error" id="e-<?cs var:kp ?>function"><?cs var:Form.Errors[kp + "function"] ?></p><?cs /if ?>
          </div>
          <div class="field<?cs if:Form.Errors[kp + "label"] ?> has-error<?cs /if ?>">
            <label for="f-<?cs var:kp ?>label"><?cs var:Lang.mivb.user_config.label ?></label>
            <input id="f-<?cs var:kp ?>label" name="<?cs var:kp ?>label" value="<?cs var:k.label ?>">
            <?cs if:Form.Errors[kp + "label"] ?><p class="error" id="e-<?cs var:kp ?>label"><?cs var:Form.Errors[kp + "label"] ?></p><?cs /if ?>
          </div>
          <div class="field<?cs if:Form.Errors[kp + "ring"] ?> has-error<?cs /if ?>">
            <label for="f-<?cs var:kp ?>ring"><?cs var:Lang.mivb.user_config.ring_type ?></label>
            <select id="f-<?cs var:kp ?>ring" name="<?cs var:kp ?>ring">
              <?cs each:t = RingTypes ?><option value="<?cs var:t.value ?>"<?cs if:t.value == k.ring ?> selected<?cs /if ?>><?cs var:t.label ?></option><?cs /each ?>
            </select>
            <?cs if:Form.Errors[kp + "ring"] ?><p class="error" id="e-<?cs var:kp ?>ring"><?cs var:Form.Errors[kp + "ring"] ?></p><?cs /if ?>
          </div>
          <div class="field<?cs if:Form.Errors[kp + "ext"] ?> has-error<?cs /if ?>">
            <label for="f-<?cs var:kp ?>ext"><?cs var:Lang.mivb.user_config.extension ?></label>
            <input id="f-<?cs var:kp ?>ext" name="<?cs var:kp ?>ext" value="<?cs var:k.ext ?>" inputmode="numeric">
            <?cs if:Form.Errors[kp + "ext"] ?><p class="error" id="e-<?cs var:kp ?>ext"><?cs var:Form.Errors[kp + "ext"] ?></p><?cs /if ?>
          </div>
          <?cs if:k.floatable ?>
          <label><input type="checkbox" name="<?cs var:kp ?>float" value="1"<?cs if:k.float ?> checked<?cs /if ?>> <?cs var:Lang.mivb.user_config.float ?></label>
          <?cs /if ?>
          <?cs if:Form.Errors[kp + "float"] ?><p class="error" id="e-<?cs var:kp ?>float"><?cs var:Form.Errors[kp + "float"] ?></p><?cs /if ?>
        </details></li>
      <?cs /each ?>
      </ol>
      <button type="submit" name="action" value="reset_<?cs var:i ?>" class="secondary"><?cs var:Lang.mivb.user_config.reset_all ?></button>
      <?cs /if ?>
    </fieldset>
    <?cs /each ?>
    <div class="field">
      <label for="f-new_phone"><?cs var:Lang.mivb.user_config.phones_select ?></label>
      <select id="f-new_phone" name="new_phone">
        <?cs each:t = PhoneTypes ?><option value="<?cs var:t.value ?>"><?cs var:t.label ?></option><?cs /each ?>
      </select>
      <button type="submit" name="action" value="add_phone" class="secondary"><?cs var:Lang.mivb.user_config.add_phone ?></button>
    </div>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/users/<?cs var:Conf.user ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit" name="action" value="save"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
