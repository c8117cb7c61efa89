<?cs def:event_tab(key, label) ?>
<a role="tab" href="?tab=<?cs var:key ?>"<?cs if:Event.Tab == key ?> aria-selected="true" aria-current="page"<?cs else ?> aria-selected="false"<?cs /if ?>><?cs var:label ?></a>
<?cs /def ?>
<?cs def:content() ?>
<?cs with:t = Lang.events.event ?>
<?cs with:c = Lang.events.cols ?>
<link rel="stylesheet" href="/static/css/events.css">
<section class="card event-details" aria-labelledby="event-title">
  <h1 id="event-title"><?cs var:t.title ?></h1>
  <nav class="tabs" role="tablist" aria-label="<?cs var:t.title ?>">
    <?cs call:event_tab("summary", t.tabs.summary) ?>
    <?cs call:event_tab("core", t.tabs.core) ?>
    <?cs call:event_tab("extra", t.tabs.extra) ?>
    <?cs call:event_tab("tags", t.tabs.tags) ?>
  </nav>
  <div class="tab-panel" role="tabpanel">
  <?cs if:Event.Tab == "core" ?>
    <?cs set:copy = Event.core_pretty ?>
    <pre data-tab-text><?cs var:Event.core_pretty ?></pre>
  <?cs elif:Event.Tab == "extra" ?>
    <?cs set:copy = Event.extra_pretty ?>
    <pre data-tab-text><?cs var:Event.extra_pretty ?></pre>
  <?cs elif:Event.Tab == "tags" ?>
    <?cs set:copy = Event.tags_pretty ?>
    <pre data-tab-text><?cs var:Event.tags_pretty ?></pre>
  <?cs else ?>
    <?cs set:copy = Event.summary_text ?>
    <dl class="summary">
      <dt><?cs var:c.event_id ?></dt><dd><?cs var:Event.event_id ?></dd>
      <dt><?cs var:c.actor_name ?></dt><dd><?cs var:Event.actor_name ?></dd>
      <dt><?cs var:c.actor_id ?></dt><dd><?cs var:Event.actor_id ?></dd>
      <dt><?cs var:c.action ?></dt><dd><?cs var:Event.action ?></dd>
      <dt><?cs var:c.event_type ?></dt><dd><?cs var:Event.event_type ?></dd>
      <dt><?cs var:c.asset ?></dt><dd><?cs var:Event.asset ?><?cs if:Event.asset_name ?> — <?cs var:Event.asset_name ?><?cs /if ?></dd>
      <dt><?cs var:c.event_date ?></dt><dd><?cs var:date_text(Event.event_date) ?></dd>
      <dt><?cs var:c.properties_changed ?></dt><dd><code><?cs var:Event.properties_changed ?></code></dd>
    </dl>
  <?cs /if ?>
  </div>
  <div class="actions">
    <a class="button secondary" href="<?cs var:Events.Base ?>"><?cs var:t.back ?></a>
    <button type="button" class="secondary" data-copy="<?cs var:copy ?>" data-copied="<?cs var:Lang.common.copied ?>"><?cs var:t.copy ?></button>
    <a class="button" href="<?cs var:Events.Base ?>/<?cs var:Event.id ?>/export" download><?cs var:t.export ?></a>
  </div>
</section>
<?cs /with ?>
<?cs /with ?>
<?cs /def ?>
