<?cs include:"events/events_parts.cs" ?>
<?cs def:filter_select(name, label, options) ?>
<div class="field<?cs if:Form.Errors[name] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>" data-smart-filter<?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
    <option value=""><?cs var:Lang.events.event_filters.select ?></option>
    <?cs each:o = options ?><option value="<?cs var:o.value ?>"<?cs if:o.value == Filter[name] ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
  </select>
  <?cs if:Form.Errors[name] ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:filter_input(name, label, type, value) ?>
<div class="field<?cs if:Form.Errors[name] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs var:value ?>"<?cs if:type == "time" ?> step="1"<?cs /if ?><?cs
    if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
  <?cs if:Form.Errors[name] ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:content() ?>
<?cs with:t = Lang.events.event_filters ?>
<?cs set:base = Events.Base ?>
<link rel="stylesheet" href="/static/css/events.css">
<section class="card event-filters" role="dialog" aria-labelledby="filters-title">
  <h1 id="filters-title"><?cs var:t.title ?></h1>
  <h2><?cs var:t.heading ?></h2>
  <p class="hint"><?cs var:t.hint ?></p>
  <form method="get" action="<?cs var:base ?>" data-event-filters data-options-url="<?cs var:base ?>/filters">
    <input type="hidden" name="dir" value="<?cs var:List.Dir ?>">
    <div class="form-grid">
      <?cs call:filter_select("asset", t.asset, Options.asset) ?>
      <?cs call:filter_select("action", t.action, Options.action) ?>
      <?cs call:filter_select("type", t.event_type, Options.type) ?>
      <?cs call:filter_input("actor", t.actor_id, "text", Filter.actor) ?>
    </div>
    <fieldset class="date-range">
      <legend><?cs var:t.event_date ?></legend>
      <p class="hint"><?cs var:Lang.events.utc ?></p>
      <div class="form-grid">
        <?cs call:filter_input("from_date", t.from_date, "date", Filter.from_date) ?>
        <?cs call:filter_input("from_time", t.from_time, "time", Filter.from_time) ?>
        <?cs call:filter_input("to_date", t.to_date, "date", Filter.to_date) ?>
        <?cs call:filter_input("to_time", t.to_time, "time", Filter.to_time) ?>
      </div>
    </fieldset>
    <div class="actions">
      <button type="submit" class="secondary" formaction="<?cs var:base ?>/filters" data-update-options><?cs var:t.update_options ?></button>
      <a class="button secondary" href="<?cs var:base ?>/filters?dir=<?cs var:List.Dir ?>" data-clear-filters><?cs var:t.clear ?></a>
      <a class="button secondary" href="<?cs var:base ?><?cs if:Filter.Keep ?>?<?cs var:Filter.Keep ?><?cs /if ?>"><?cs var:t.cancel ?></a>
      <button type="submit"><?cs var:t.ok ?></button>
    </div>
  </form>
</section>
<script src="/static/js/events.js" defer></script>
<?cs /with ?>
<?cs /def ?>
