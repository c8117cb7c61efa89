<?cs # Mitel One Configuration (guide §3.1.4.1): Tier, the tier's features, Save / Cancel / Remove. ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users/" + User.id ?>
<section class="card" aria-labelledby="mitel-one-title">
  <h1 id="mitel-one-title"><?cs var:Lang.users.user_mitel_one.title ?></h1>
  <p class="hint"><?cs var:User.display_name ?></p>
  <nav class="toc" aria-label="<?cs var:Lang.users.user_mitel_one.toc ?>"><ul>
    <li><a href="#mitel-one-tier"><?cs var:Lang.users.user_mitel_one.tier ?></a></li>
    <li><a href="#mitel-one-features"><?cs var:Lang.users.user_mitel_one.features ?></a></li>
  </ul></nav>
  <form method="post" action="<?cs var:base ?>/mitel-one" novalidate>
    <?cs call:csrf() ?>
    <div class="field" id="mitel-one-tier">
      <label for="f-tier"><?cs var:Lang.users.user_mitel_one.tier ?></label>
      <select id="f-tier" name="tier"<?cs if:Form.Errors.tier ?> aria-invalid="true" aria-describedby="e-tier"<?cs /if ?>>
        <option value=""><?cs var:Lang.users.user_mitel_one.choose ?></option>
        <?cs each:t = MitelOne.Tiers ?><option value="<?cs var:t.key ?>"<?cs if:Form.Values.tier == t.key ?> selected<?cs /if ?>><?cs var:t.name ?> (<?cs var:t.available ?> <?cs var:Lang.users.user_mitel_one.available ?>)</option><?cs /each ?>
      </select>
      <?cs if:Form.Errors.tier ?><p class="error" id="e-tier"><?cs var:Form.Errors.tier ?></p><?cs /if ?>
    </div>
    <fieldset id="mitel-one-features">
      <legend><?cs var:Lang.users.user_mitel_one.features ?></legend>
      <?cs each:f = Lang.users.user_mitel_one.feature ?>
      <label class="toggle"><input type="checkbox" name="<?cs name:f ?>" value="1"<?cs if:Form.Values[name(f)] ?> checked<?cs /if ?>> <?cs var:f ?></label>
      <?cs /each ?>
      <p class="hint"><?cs var:Lang.users.user_mitel_one.features_hint ?></p>
      <ul class="plain hint"><?cs each:t = MitelOne.Tiers ?><li><?cs var:t.name ?>: <?cs
        if:t.chat ?><?cs var:Lang.users.user_mitel_one.feature.chat ?><?cs /if ?><?cs
        if:t.miteam ?>, <?cs var:Lang.users.user_mitel_one.feature.miteam ?><?cs /if ?><?cs
        if:t.telephony ?>, <?cs var:Lang.users.user_mitel_one.feature.telephony ?><?cs /if ?></li><?cs /each ?></ul>
    </fieldset>
    <div class="actions">
      <a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.cancel ?></a>
      <?cs if:MitelOne.licensed ?><button type="submit" name="action" value="remove" class="danger"><?cs var:Lang.users.user_mitel_one.remove ?></button><?cs /if ?>
      <button type="submit" name="action" value="save"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
