<?cs # MiVoice Business Service's Complete setup (guide §3.1.2.1, §3.1.3.1): Choose service category
     (Upgrade Service once the user has one), Select on a category, a template, Apply. ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users/" + Service.user ?>
<section class="card" aria-labelledby="service-title">
  <h1 id="service-title"><?cs var:Page.Title ?></h1>
  <p class="subtitle"><?cs var:Service.user_name ?> · <?cs if:Service.current ?><?cs var:Lang.mivb.user_service.product ?> - <?cs
    var:Service.current ?><?cs else ?><?cs var:Lang.mivb.user_service.no_service ?><?cs /if ?></p>
  <?cs if:Mivb.Unavailable ?><p class="error" role="alert"><?cs var:Mivb.Unavailable ?></p><?cs /if ?>
  <?cs if:Form.Errors.pbx ?><p class="error" role="alert" id="e-pbx"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
  <h2 id="categories"><?cs var:Lang.mivb.user_service.categories ?></h2>
  <table class="list">
    <thead><tr><th scope="col"><?cs var:Lang.mivb.user_config.category ?></th><th scope="col"><?cs var:Lang.mivb.user_service.tier ?></th><th></th></tr></thead>
    <tbody>
    <?cs each:c = Categories ?>
      <tr<?cs if:c.value == Form.Values.category ?> class="selected" aria-selected="true"<?cs /if ?>>
        <th scope="row"><?cs var:c.label ?><?cs if:c.value == Service.current ?> <span class="hint">(<?cs var:Lang.mivb.user_service.current ?>)</span><?cs /if ?></th>
        <td><?cs var:c.tier ?></td>
        <td><?cs if:c.value == Form.Values.category ?><strong><?cs var:Lang.mivb.user_service.selected ?></strong><?cs else ?>
          <form method="post" action="<?cs var:base ?>/mivb/service" class="inline">
            <?cs call:csrf() ?>
            <input type="hidden" name="action" value="select">
            <?cs if:Conf.filter ?><input type="hidden" name="filter" value="1"><?cs /if ?>
            <button type="submit" name="category" value="<?cs var:c.value ?>" class="secondary" aria-label="<?cs var:Lang.mivb.user_service.select ?> <?cs var:c.label ?>"><?cs var:Lang.mivb.user_service.select ?></button>
          </form><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <form method="post" action="<?cs var:base ?>/mivb/service" novalidate>
    <?cs call:csrf() ?>
    <input type="hidden" name="category" value="<?cs var:Form.Values.category ?>">
    <?cs if:Form.Errors.category ?><p class="error" id="e-category"><?cs var:Form.Errors.category ?></p><?cs /if ?>
    <?cs call:select_field("template", Lang.mivb.user_config.template, Templates, 0) ?>
    <label><input type="checkbox" name="filter" value="1"<?cs if:Conf.filter ?> checked<?cs /if ?>> <?cs var:Lang.mivb.user_config.filter ?></label>
    <div class="actions">
      <a class="button secondary" href="<?cs var:base ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit" name="action" value="apply"><?cs var:Lang.mivb.user_service.apply ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
