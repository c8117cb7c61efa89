<?cs # Support Logs (guide §2.10): the account's logs, newest first, or
     sorted by any column; search by LOG TITLE as you type; Add Filter →
     Product, State. The sort stays through searches and filters. ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/support-logs" ?>
<div class="toolbar">
  <h1><?cs var:Lang.support.support_logs.title ?></h1>
  <span class="spacer"></span>
  <form method="get" action="<?cs var:base ?>" role="search">
    <input type="search" name="q" value="<?cs var:List.Q ?>" placeholder="<?cs var:Lang.support.support_logs.search_placeholder ?>"
      aria-label="<?cs var:Lang.support.support_logs.search_label ?>" aria-controls="list-results" data-live-search>
    <input type="hidden" name="sort" value="<?cs var:List.Sort ?>">
    <input type="hidden" name="dir" value="<?cs var:List.Dir ?>">
    <?cs if:Filter.state ?><input type="hidden" name="state" value="<?cs var:Filter.state ?>"><?cs /if ?>
    <?cs if:Filter.product ?><input type="hidden" name="product" value="<?cs var:Filter.product ?>"><?cs /if ?>
    <button type="submit" class="secondary"><?cs var:Lang.common.search ?></button>
  </form>
</div>

<div class="filter-bar">
  <details class="add-filter">
    <summary class="button secondary"><?cs var:Lang.support.support_logs.add_filter ?></summary>
    <div>
      <form method="get" action="<?cs var:base ?>">
        <?cs if:List.Q ?><input type="hidden" name="q" value="<?cs var:List.Q ?>"><?cs /if ?>
        <input type="hidden" name="sort" value="<?cs var:List.Sort ?>">
        <input type="hidden" name="dir" value="<?cs var:List.Dir ?>">
        <div class="field">
          <label for="f-product"><?cs var:Lang.support.support_logs.product ?></label>
          <select id="f-product" name="product">
            <option value=""><?cs var:Lang.support.support_logs.any ?></option>
            <?cs each:p = Filter.Products ?><option value="<?cs var:p ?>"<?cs if:p == Filter.product ?> selected<?cs /if ?>><?cs var:p ?></option><?cs /each ?>
          </select>
        </div>
        <div class="field">
          <label for="f-state"><?cs var:Lang.support.support_logs.state ?></label>
          <select id="f-state" name="state">
            <option value=""><?cs var:Lang.support.support_logs.any ?></option>
            <?cs each:s = Lang.support.states ?><option value="<?cs name:s ?>"<?cs if:name(s) == Filter.state ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?>
          </select>
        </div>
        <button type="submit"><?cs var:Lang.support.support_logs.apply ?></button>
      </form>
    </div>
  </details>
  <?cs if:Filter.Active ?>
  <ul class="chips">
    <?cs each:c = Filter.Chips ?>
    <?cs if:c.name == "state" ?><?cs set:chip = Lang.support.support_logs.state + ": " + Lang.support.states[c.value] ?><?cs
      else ?><?cs set:chip = Lang.support.support_logs.product + ": " + c.value ?><?cs /if ?>
    <li><?cs var:chip ?> <a class="chip-remove" href="?<?cs var:c.remove ?>" aria-label="<?cs var:Lang.support.support_logs.remove ?> <?cs var:chip ?>">&times;</a></li>
    <?cs /each ?>
  </ul>
  <?cs /if ?>
</div>

<div id="list-results" aria-live="polite">
<?cs if:!List.Open && List.Total == 0 ?>
  <p class="empty"><?cs if:List.Q || Filter.Active ?><?cs var:Lang.support.support_logs.none_match ?><?cs else ?><?cs var:Lang.support.support_logs.none ?><?cs /if ?></p>
<?cs elif:subcount(Rows) == 0 ?>
  <p class="empty"><?cs var:Lang.common.none_found ?></p>
  <?cs call:pager() ?>
<?cs else ?>
  <div class="table-scroll">
  <table class="list" aria-label="<?cs var:Lang.support.support_logs.results ?>">
    <thead><tr>
      <?cs call:sort_th("product", Lang.support.support_logs.col_product) ?>
      <?cs call:sort_th("date", Lang.support.support_logs.col_date) ?>
      <?cs call:sort_th("reporter", Lang.support.support_logs.col_reporter) ?>
      <?cs call:sort_th("title", Lang.support.support_logs.col_title) ?>
      <?cs call:sort_th("state", Lang.support.support_logs.col_state) ?>
    </tr></thead>
    <tbody>
    <?cs each:l = Rows ?>
      <tr data-href="<?cs var:base ?>/<?cs var:l.id ?>">
        <td><?cs var:l.product ?></td>
        <td class="nowrap"><?cs var:date_text(l.created) ?></td>
        <td><?cs var:l.reporter ?></td>
        <td><a href="<?cs var:base ?>/<?cs var:l.id ?>"><?cs var:l.title ?></a></td>
        <td><span class="badge state-<?cs var:l.state ?>"><?cs var:Lang.support.states[l.state] ?></span></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs call:pager() ?>
<?cs /if ?>
</div>
<?cs /def ?>
