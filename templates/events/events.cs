<?cs include:"events/events_parts.cs" ?>
<?cs def:content() ?>
<?cs with:t = Lang.events ?>
<?cs set:base = Events.Base ?>
<?cs set:keep = Filter.Keep ?>
<link rel="stylesheet" href="/static/css/events.css">
<div class="toolbar">
  <h1><?cs var:t.title ?></h1>
  <span class="spacer"></span>
  <details class="column-menu" data-menu>
    <summary class="button secondary" aria-label="<?cs var:t.table_options ?>">⋮</summary>
    <div class="menu"><a href="<?cs var:base ?>/columns<?cs if:keep ?>?<?cs var:keep ?><?cs /if ?>"><?cs var:t.show_hide_columns ?></a></div>
  </details>
</div>

<div class="filter-bar events-filters">
  <a class="button secondary" href="<?cs var:base ?>/filters<?cs if:keep ?>?<?cs var:keep ?><?cs /if ?>"><?cs var:t.add_filter ?></a>
  <?cs if:Filter.Active ?>
  <section class="active-filter" aria-labelledby="active-filter-title">
    <h2 id="active-filter-title"><?cs var:t.active_filter_details ?></h2>
    <dl>
      <?cs each:d = Filter.Details ?><dt><?cs var:d.label ?></dt><dd><?cs var:d.value ?></dd><?cs /each ?>
    </dl>
    <a class="icon-button" href="<?cs var:base ?>/filters?<?cs var:keep ?>" title="<?cs var:t.edit_filters ?>" aria-label="<?cs var:t.edit_filters ?>">✎</a>
    <a class="icon-button" href="<?cs var:base ?>" title="<?cs var:t.remove_filters ?>" aria-label="<?cs var:t.remove_filters ?>"><img src="/static/img/trash.svg" alt=""></a>
  </section>
  <?cs /if ?>
</div>
<p class="hint"><?cs var:t.utc ?></p>

<?cs if:Events.LoadError ?>
<div class="flash flash-error" role="alert" data-load-error><?cs var:t.load_error ?></div>
<?cs else ?>
<form method="post" action="<?cs var:base ?>/export" data-event-selection>
  <?cs call:csrf() ?>
  <div class="selection-actions">
    <button type="submit" class="secondary" data-export-button data-label="<?cs var:t.export ?>"><?cs var:t.export_selected ?></button>
  </div>
  <div class="table-scroll">
  <table class="list events" aria-label="<?cs var:t.results ?>">
    <thead><tr>
      <th scope="col" class="select"><input type="checkbox" data-select-all hidden aria-label="<?cs var:t.select_all ?>"></th>
      <?cs each:c = Columns ?>
      <?cs if:c.key == "event_date" ?>
      <th scope="col" aria-sort="<?cs if:List.Dir == "asc" ?>ascending<?cs else ?>descending<?cs /if ?>">
        <a href="?<?cs if:keep ?><?cs var:keep ?>&<?cs /if ?>dir=<?cs if:List.Dir == "asc" ?>desc<?cs else ?>asc<?cs /if ?>" aria-label="<?cs var:t.sort_label ?>"><?cs var:c.label ?><span class="sort-mark" aria-hidden="true"><?cs if:List.Dir == "asc" ?> ↑<?cs else ?> ↓<?cs /if ?></span></a>
      </th>
      <?cs else ?>
      <th scope="col"><?cs var:c.label ?></th>
      <?cs /if ?>
      <?cs /each ?>
    </tr></thead>
    <tbody id="event-rows">
    <?cs each:row = Rows ?>
      <tr data-href="<?cs var:base ?>/<?cs var:row.id ?>">
        <td class="select"><input type="checkbox" name="ids" value="<?cs var:row.id ?>" aria-label="<?cs var:t.select_row ?> <?cs var:row.id ?>"></td>
        <?cs each:c = Columns ?><?cs call:event_cell(row, c.key) ?><?cs /each ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</form>

<div id="event-list-end" aria-live="polite">
<?cs if:List.More ?>
  <a class="button secondary" rel="next" data-more-events href="?<?cs if:keep ?><?cs var:keep ?>&<?cs /if ?>dir=<?cs var:List.Dir ?>&cursor=<?cs var:url_escape(List.Next) ?>"><?cs var:t.more ?></a>
<?cs elif:List.Shown == 0 && !List.Deep ?>
  <p class="flash end" role="status" data-no-events><?cs if:Filter.Active ?><?cs var:t.none_match ?><?cs else ?><?cs var:t.none ?><?cs /if ?></p>
<?cs else ?>
  <p class="flash end" role="status" data-all-events><?cs var:t.end ?></p>
<?cs /if ?>
<?cs if:List.Deep ?><p><a href="?<?cs if:keep ?><?cs var:keep ?>&<?cs /if ?>dir=<?cs var:List.Dir ?>"><?cs var:t.newest ?></a></p><?cs /if ?>
</div>
<div class="flash flash-error" role="alert" data-scroll-error hidden><?cs var:t.load_error ?></div>

<form method="post" action="<?cs var:base ?>/export-all" class="export-all">
  <?cs call:csrf() ?>
  <?cs call:event_filter_hidden() ?>
  <input type="hidden" name="dir" value="<?cs var:List.Dir ?>">
  <button type="submit" class="secondary"><?cs var:t.export_all ?></button>
</form>
<?cs /if ?>
<script src="/static/js/events.js" defer></script>
<?cs /with ?>
<?cs /def ?>
