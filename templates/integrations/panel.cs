<?cs # The Integrations panel (guide §2.3, §3.1), on Account Information and
     on the Integrations & Apps page: cgi-bin/integrations/panel.c fills
     Integrations.*. Controls follow the permission matrix (guide §2.14.6):
     + Add new and the Privileges need Add, a toggle and the ⚙ of a setup
     need Edit (or Add), removing needs Delete. ?>

<?cs # An on/off switch posting to action: the hidden fields say what to set; on = the state shown. ?>
<?cs def:integration_switch(label, on, enabled) ?>
<button type="<?cs if:enabled ?>submit<?cs else ?>button<?cs /if ?>" class="switch" role="switch" aria-checked="<?cs if:on ?>true<?cs else ?>false<?cs /if ?>"
  aria-label="<?cs var:label ?>"<?cs if:!enabled ?> disabled<?cs /if ?>><span class="switch-text"><?cs if:on ?><?cs var:Lang.integrations.panel.on ?><?cs else ?><?cs var:Lang.integrations.panel.off ?><?cs /if ?></span></button>
<?cs /def ?>

<?cs # The warnings of guide §2.3: a subscription whose integration is not
     enabled. Close hides one for this page view (no script needed). ?>
<?cs def:integrations_warnings() ?>
<?cs each:w = Integrations.Warnings ?>
<div class="dismissible">
  <input type="checkbox" class="dismiss-toggle" id="dismiss-<?cs name:w ?>" aria-label="<?cs var:Lang.integrations.panel.dismiss ?>">
  <div class="banner warn" role="alert">
    <p><?cs var:w ?></p>
    <label for="dismiss-<?cs name:w ?>" class="dismiss" title="<?cs var:Lang.integrations.panel.dismiss ?>" aria-hidden="true">×</label>
  </div>
</div>
<?cs /each ?>
<?cs /def ?>

<?cs def:integration_row(x) ?>
<li class="integration" data-kind="<?cs var:x.key ?>">
  <img class="integration-icon" src="/static/img/integrations/<?cs var:x.icon ?>.svg" alt="" width="36" height="36">
  <div class="what">
    <span class="name" id="integration-<?cs var:x.key ?>"><?cs var:x.name ?></span>
    <?cs if:x.status ?>
    <p class="status level-<?cs var:x.level ?>"><span class="status-text"><?cs var:x.status ?></span><?cs
      if:x.setup_href && (Can.integrations.add || Can.integrations.edit) ?> <a class="button small" href="<?cs var:x.setup_href ?>"><?cs var:Lang.integrations.panel.complete_setup ?></a><?cs /if ?></p>
    <?cs /if ?>
  </div>
  <div class="controls">
    <?cs if:x.settings_href && (Can.integrations.add || Can.integrations.edit) ?>
    <a class="icon-link" href="<?cs var:x.settings_href ?>?from=<?cs var:Integrations.From ?>" aria-label="<?cs var:Lang.integrations.panel.settings ?> <?cs var:x.name ?>" title="<?cs var:Lang.integrations.panel.settings ?> <?cs var:x.name ?>">⚙</a>
    <?cs /if ?>
    <?cs if:x.toggle && !x.permanent && Can.integrations.edit ?>
    <form method="post" action="/a/<?cs var:Account.id ?>/integrations/switch" class="inline">
      <?cs call:csrf() ?>
      <input type="hidden" name="kind" value="<?cs var:x.key ?>">
      <input type="hidden" name="from" value="<?cs var:Integrations.From ?>">
      <?cs if:!x.on ?><input type="hidden" name="on" value="1"><?cs /if ?>
      <?cs call:integration_switch(x.name, x.on, 1) ?>
    </form>
    <?cs elif:x.toggle ?>
    <?cs call:integration_switch(x.name, x.on, 0) ?>
    <?cs /if ?>
    <?cs # The trash icon of one still to be set up, or failing (ch3 §1.3). ?>
    <?cs if:(x.state == "incomplete" || x.state == "error") && Can.integrations.delete ?>
    <a class="icon-link" href="/a/<?cs var:Account.id ?>/integrations/remove?kind=<?cs var:x.key ?>&amp;from=<?cs var:Integrations.From ?>"
      aria-label="<?cs var:Lang.integrations.panel.remove ?> <?cs var:x.name ?>" title="<?cs var:Lang.integrations.panel.remove ?>"><img src="/static/img/trash.svg" alt="" width="16" height="16"></a>
    <?cs /if ?>
  </div>
</li>
<?cs /def ?>

<?cs def:privilege_row(p) ?>
<li class="integration privilege">
  <div class="what"><span class="name"><?cs var:Lang.integrations.privileges[p.key] ?></span></div>
  <div class="controls">
  <?cs if:Can.integrations.add ?>
    <form method="post" action="/a/<?cs var:Account.id ?>/privileges" class="inline">
      <?cs call:csrf() ?>
      <input type="hidden" name="privilege" value="<?cs var:p.key ?>">
      <input type="hidden" name="from" value="<?cs var:Integrations.From ?>">
      <?cs if:!p.on ?><input type="hidden" name="on" value="1"><?cs /if ?>
      <?cs call:integration_switch(Lang.integrations.privileges[p.key], p.on, 1) ?>
    </form>
  <?cs else ?>
    <?cs call:integration_switch(Lang.integrations.privileges[p.key], p.on, 0) ?>
  <?cs /if ?>
  </div>
</li>
<?cs /def ?>

<?cs def:integrations_panel() ?>
<?cs if:Integrations.Shown ?>
<section class="card integrations-panel" aria-labelledby="integrations-title">
  <div class="screen-head">
    <h2 id="integrations-title"><?cs var:Lang.integrations.panel.title ?></h2>
    <?cs if:Can.integrations.add ?><a class="button" href="/a/<?cs var:Account.id ?>/integrations/add?tab=mitel&amp;from=<?cs var:Integrations.From ?>"><?cs var:Lang.integrations.panel.add_new ?></a><?cs /if ?>
  </div>
  <ul class="integration-list" aria-labelledby="integrations-title">
    <?cs each:x = Integrations.Rows ?><?cs call:integration_row(x) ?><?cs /each ?>
  </ul>
  <h3 id="privileges-title"><?cs var:Lang.integrations.panel.privileges ?></h3>
  <ul class="integration-list" aria-labelledby="privileges-title">
    <?cs each:p = Integrations.Privileges ?><?cs call:privilege_row(p) ?><?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<?cs /def ?>

<?cs # Call Services (guide §2.3), on Account Information: an account setting (Account's Edit). ?>
<?cs def:call_services_panel() ?>
<?cs if:Integrations.Customer ?>
<section class="card" aria-labelledby="call-services-title">
  <h2 id="call-services-title"><?cs var:Lang.integrations.panel.call_services ?></h2>
  <ul class="integration-list">
    <li class="integration privilege">
      <div class="what"><span class="name"><?cs var:Lang.integrations.panel.bandwidth ?></span></div>
      <div class="controls">
      <?cs if:Can.account.edit ?>
        <form method="post" action="/a/<?cs var:Account.id ?>/call-services" class="inline">
          <?cs call:csrf() ?>
          <input type="hidden" name="from" value="info">
          <?cs if:!Integrations.Bandwidth ?><input type="hidden" name="bandwidth_optimization" value="1"><?cs /if ?>
          <?cs call:integration_switch(Lang.integrations.panel.bandwidth, Integrations.Bandwidth, 1) ?>
        </form>
      <?cs else ?>
        <?cs call:integration_switch(Lang.integrations.panel.bandwidth, Integrations.Bandwidth, 0) ?>
      <?cs /if ?>
      </div>
    </li>
  </ul>
</section>
<?cs /if ?>
<?cs /def ?>
