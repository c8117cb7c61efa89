<?cs # Choose and order a list's columns without script (guide §2.16, §2.17): Event History's and the
     inventory lists' Columns dialog. ColumnsForm.* are the columns, Columns.Back(Query) where to return. ?>
<?cs with:t = Lang.events.event_columns ?>
<link rel="stylesheet" href="/static/css/events.css">
<section class="card columns-form" role="dialog" aria-labelledby="columns-title">
  <h1 id="columns-title"><?cs var:t.title ?></h1>
  <p class="hint"><?cs var:t.hint ?></p>
  <form method="post" data-columns-form>
    <?cs call:csrf() ?>
    <input type="hidden" name="back" value="<?cs var:Columns.BackQuery ?>">
    <ol class="column-list">
    <?cs each:c = ColumnsForm ?>
      <li draggable="true" data-column="<?cs var:c.key ?>">
        <input type="hidden" name="order" value="<?cs var:c.key ?>">
        <span class="drag-handle" aria-hidden="true">≡</span>
        <label><input type="checkbox" name="shown" value="<?cs var:c.key ?>"<?cs if:c.shown ?> checked<?cs /if ?><?cs if:c.fixed ?> checked disabled<?cs /if ?>> <?cs var:c.label ?></label>
        <?cs if:c.fixed ?><input type="hidden" name="shown" value="<?cs var:c.key ?>"><span class="hint"><?cs var:t.fixed ?></span><?cs /if ?>
        <span class="move">
          <?cs if:!first(c) ?><button type="submit" class="link" name="move" value="<?cs var:c.key ?>:up" aria-label="<?cs var:t.up ?>: <?cs var:c.label ?>">↑</button><?cs /if ?>
          <?cs if:!last(c) ?><button type="submit" class="link" name="move" value="<?cs var:c.key ?>:down" aria-label="<?cs var:t.down ?>: <?cs var:c.label ?>">↓</button><?cs /if ?>
        </span>
      </li>
    <?cs /each ?>
    </ol>
    <div class="actions">
      <button type="submit" class="secondary" name="reset" value="1"><?cs var:t.reset ?></button>
      <a class="button secondary" href="<?cs var:Columns.Back ?>"><?cs var:t.cancel ?></a>
      <button type="submit" name="save" value="1"><?cs var:t.save ?></button>
    </div>
  </form>
</section>
<script src="/static/js/events.js" defer></script>
<?cs /with ?>
