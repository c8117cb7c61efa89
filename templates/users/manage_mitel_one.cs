<?cs # Bulk User Settings → Mitel One (guide §3.1.4.1). ?>
<?cs include:"users/manage_parts.cs" ?>
<?cs include:"users/mitel_one_parts.cs" ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users" ?>
<section class="card">
  <p><a href="<?cs var:base ?>">&lt; <?cs var:Lang.users.manage.return ?></a></p>
  <h1><?cs var:Manage.Heading ?></h1>
<?cs if:Manage.Refused ?>
  <p class="flash flash-error" role="alert"><?cs var:Manage.Refused ?></p>
<?cs else ?>
  <section class="dialog" role="dialog" aria-labelledby="bulk-title">
    <h2 id="bulk-title"><?cs var:Lang.users.manage_mitel_one.title ?></h2>
    <p class="hint"><?cs var:Lang.users.manage_mitel_one.about ?></p>
    <form method="post" action="<?cs var:base ?>/manage/mitel-one" novalidate>
      <?cs call:csrf() ?><?cs call:manage_hidden() ?>
      <h3><?cs var:Lang.users.manage_mitel_one.licenses ?></h3>
      <p class="hint"><?cs var:Lang.users.manage_mitel_one.licenses_hint ?></p>
      <?cs call:tier_counts(Lang.users.manage_mitel_one.available, Bulk.available, Bulk.Tiers, "available") ?>
      <?cs call:tier_counts(Lang.users.manage_mitel_one.selected, Bulk.selected, Bulk.Tiers, "selected") ?>
      <div class="field">
        <label for="f-tier"><?cs var:Lang.users.manage_mitel_one.overwrite ?></label>
        <select id="f-tier" name="tier"<?cs if:Form.Errors.tier ?> aria-invalid="true" aria-describedby="e-tier"<?cs /if ?>>
          <option value="leave"<?cs if:Form.Values.tier == "leave" ?> selected<?cs /if ?>><?cs var:Lang.users.manage_mitel_one.leave ?></option>
          <option value="none"<?cs if:Form.Values.tier == "none" ?> selected<?cs /if ?>><?cs var:Lang.users.manage_mitel_one.unassign ?></option>
          <?cs each:t = Bulk.Tiers ?><?cs if:t.fits ?><option value="<?cs var:t.key ?>"<?cs if:Form.Values.tier == t.key ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /if ?><?cs /each ?>
        </select>
        <?cs if:Form.Errors.tier ?><p class="error" id="e-tier"><?cs var:Form.Errors.tier ?></p><?cs /if ?>
      </div>
      <h3><?cs var:Lang.users.manage_mitel_one.features ?></h3>
      <p class="hint"><?cs var:Lang.users.manage_mitel_one.features_hint ?></p>
      <?cs each:f = Lang.users.user_mitel_one.feature ?>
      <div class="field">
        <label for="f-<?cs name:f ?>"><?cs var:f ?></label>
        <select id="f-<?cs name:f ?>" name="<?cs name:f ?>">
          <option value="leave"><?cs var:Lang.users.manage_mitel_one.leave ?></option>
          <option value="enable"<?cs if:Form.Values[name(f)] == "enable" ?> selected<?cs /if ?>><?cs var:Lang.users.manage_mitel_one.enable ?></option>
          <option value="disable"<?cs if:Form.Values[name(f)] == "disable" ?> selected<?cs /if ?>><?cs var:Lang.users.manage_mitel_one.disable ?></option>
        </select>
        <?cs if:Form.Errors[name(f)] ?><p class="error" id="e-<?cs name:f ?>"><?cs var:Form.Errors[name(f)] ?></p><?cs /if ?>
      </div>
      <?cs /each ?>
      <div class="actions">
        <a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.cancel ?></a>
        <button type="submit"><?cs var:Lang.common.save ?></button>
      </div>
    </form>
  </section>
<?cs /if ?>
</section>
<?cs /def ?>
