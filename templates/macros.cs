<?cs # Shared pieces of every screen: form fields with their errors, sortable
     table headers, pagination, flash messages, typed-word confirmations.
     Administrators may override this file like any other template.
     A table wider than a phone's screen sits in <div class="table-scroll">,
     which scrolls sideways instead of widening the page. ?>

<?cs def:csrf() ?><input type="hidden" name="_csrf" value="<?cs var:CSRF ?>"><?cs /def ?>

<?cs def:flash() ?>
<?cs if:Flash.Message ?><div class="flash" role="status"><?cs var:Flash.Message ?></div><?cs /if ?>
<?cs if:Form.HasErrors ?><div class="flash flash-error" role="alert"><?cs var:Lang.errors.form ?></div><?cs /if ?>
<?cs /def ?>

<?cs # A labelled input with its error message next to it. ?>
<?cs def:field(name, label, type, required, hint) ?>
<div class="field<?cs if:Form.Errors[name] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs var:Form.Values[name] ?>"<?cs
    if:required ?> aria-required="true"<?cs /if ?><?cs
    if:Form.Errors[name] ?> aria-invalid="true"<?cs /if ?><?cs
    if:Form.Errors[name] || hint ?> aria-describedby="<?cs if:hint ?>h-<?cs var:name ?> <?cs /if ?><?cs if:Form.Errors[name] ?>e-<?cs var:name ?><?cs /if ?>"<?cs /if ?>>
  <?cs if:hint ?><p class="hint" id="h-<?cs var:name ?>"><?cs var:hint ?></p><?cs /if ?>
  <?cs if:Form.Errors[name] ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?>
</div>
<?cs /def ?>

<?cs # A select over an HDF list of options (each with .value and .label). ?>
<?cs def:select_field(name, label, options, required) ?>
<div class="field<?cs if:Form.Errors[name] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs
    if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
    <?cs if:!required ?><option value=""></option><?cs /if ?>
    <?cs each:o = options ?><option value="<?cs var:o.value ?>"<?cs if:o.value == Form.Values[name] ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
  </select>
  <?cs if:Form.Errors[name] ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?>
</div>
<?cs /def ?>

<?cs # A read-only value in a form. ?>
<?cs def:readonly(label, value) ?>
<div class="field readonly"><span class="label"><?cs var:label ?></span><span class="value"><?cs var:value ?></span></div>
<?cs /def ?>

<?cs # A column header that sorts the list; a second click reverses. ?>
<?cs def:sort_th(key, label) ?>
<th scope="col"<?cs if:List.Sort == key ?> aria-sort="<?cs if:List.Dir == "desc" ?>descending<?cs else ?>ascending<?cs /if ?>"<?cs /if ?>>
  <a href="?<?cs var:List.Keep ?><?cs if:List.Keep ?>&<?cs /if ?>sort=<?cs var:key ?>&dir=<?cs
    if:List.Sort == key && List.Dir == "asc" ?>desc<?cs else ?>asc<?cs /if ?>"><?cs var:label ?><?cs
    if:List.Sort == key ?><span class="sort-mark" aria-hidden="true"><?cs if:List.Dir == "desc" ?> ▼<?cs else ?> ▲<?cs /if ?></span><?cs /if ?></a>
</th>
<?cs /def ?>

<?cs # List.Open: the total was not counted (List.Total is a phrase such as
     "more than 1,000"), so there is no last page; Next while List.More, and
     no count on a page past the end. ?>
<?cs def:pager() ?>
<nav class="pager" aria-label="<?cs var:Lang.common.pagination ?>">
  <?cs if:!List.Open || List.From ?><span class="count"><?cs var:List.From ?>–<?cs var:List.To ?> <?cs var:Lang.common.of ?> <?cs var:List.Total ?></span><?cs /if ?>
  <?cs if:List.Page > 1 ?>
    <a href="?<?cs var:List.KeepSort ?>&page=1"><?cs var:Lang.common.first ?></a>
    <a href="?<?cs var:List.KeepSort ?>&page=<?cs var:List.Page - 1 ?>" rel="prev"><?cs var:Lang.common.previous ?></a>
  <?cs /if ?>
  <span class="page"><?cs var:Lang.common.page ?> <?cs var:List.Page ?><?cs if:!List.Open ?> <?cs var:Lang.common.of ?> <?cs var:List.Pages ?><?cs /if ?></span>
  <?cs if:List.Open ?>
    <?cs if:List.More ?><a href="?<?cs var:List.KeepSort ?>&page=<?cs var:List.Page + 1 ?>" rel="next"><?cs var:Lang.common.next ?></a><?cs /if ?>
  <?cs elif:List.Page < List.Pages ?>
    <a href="?<?cs var:List.KeepSort ?>&page=<?cs var:List.Page + 1 ?>" rel="next"><?cs var:Lang.common.next ?></a>
    <a href="?<?cs var:List.KeepSort ?>&page=<?cs var:List.Pages ?>"><?cs var:Lang.common.last ?></a>
  <?cs /if ?>
</nav>
<?cs /def ?>

<?cs # A destructive action confirmed by typing a word (checked on the server too). ?>
<?cs def:confirm_word(action, word, title, body, button, cancel_href) ?>
<section class="dialog" role="dialog" aria-labelledby="confirm-title">
  <h2 id="confirm-title"><?cs var:title ?></h2>
  <p><?cs var:body ?></p>
  <form method="post" action="<?cs var:action ?>" class="confirm-word" data-word="<?cs var:word ?>">
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.Errors.confirm ?> has-error<?cs /if ?>">
      <label for="f-confirm"><?cs var:Lang.common.type_word ?> '<?cs var:word ?>' <span class="req" aria-hidden="true">*</span></label>
      <input id="f-confirm" name="confirm" type="text" autocomplete="off" autofocus aria-required="true"<?cs
        if:Form.Errors.confirm ?> aria-invalid="true" aria-describedby="e-confirm"<?cs /if ?>>
      <?cs if:Form.Errors.confirm ?><p class="error" id="e-confirm"><?cs var:Form.Errors.confirm ?></p><?cs /if ?>
    </div>
    <div class="actions">
      <a class="button secondary" href="<?cs var:cancel_href ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"<?cs if:word != "reactivate" ?> class="danger"<?cs /if ?>><?cs var:button ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
