<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users/import" ?>
<section class="card import-panel">
  <h1><?cs var:Lang.import.import.title ?></h1>
  <ol class="steps">
    <li><?cs var:Lang.import.import.step_template_before ?> <a href="<?cs var:base ?>/users-template.xlsx" download><?cs var:Lang.import.import.step_template_link ?></a> <?cs var:Lang.import.import.step_template_after ?></li>
    <li><?cs var:Lang.import.import.step_fill ?></li>
    <li><?cs var:Lang.import.import.step_upload ?></li>
  </ol>
  <p class="hint"><?cs var:Lang.import.import.review_note ?></p>
  <form method="post" action="<?cs var:base ?>" enctype="multipart/form-data" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.Errors.file ?> has-error<?cs /if ?>">
      <label for="f-file"><?cs var:Lang.import.import.file ?> <span class="req" aria-hidden="true">*</span></label>
      <input id="f-file" name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        aria-required="true" aria-describedby="h-file<?cs if:Form.Errors.file ?> e-file<?cs /if ?>"<?cs if:Form.Errors.file ?> aria-invalid="true"<?cs /if ?>>
      <p class="hint" id="h-file"><?cs var:Lang.import.import.file_hint ?></p>
      <?cs if:Form.Errors.file ?><p class="error" id="e-file"><?cs var:Form.Errors.file ?><?cs if:Import.MissingHeaders ?> <?cs var:Import.MissingHeaders ?><?cs /if ?></p><?cs /if ?>
    </div>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/users"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.import.import.upload ?></button>
    </div>
  </form>
</section>
<?cs if:subcount(Unfinished) > 0 ?>
<section class="card">
  <h2><?cs var:Lang.import.import.unfinished ?></h2>
  <div class="table-scroll">
  <table class="list">
    <thead><tr>
      <th scope="col"><?cs var:Lang.import.import.unfinished_file ?></th>
      <th scope="col"><?cs var:Lang.import.import.unfinished_created ?></th>
      <th scope="col"><?cs var:Lang.import.import.unfinished_pending ?></th>
      <th scope="col"><?cs var:Lang.common.actions ?></th>
    </tr></thead>
    <tbody>
    <?cs each:b = Unfinished ?>
      <tr><td><?cs var:b.file_name ?></td><td><?cs var:date_text(b.created) ?></td><td><?cs var:b.pending ?></td>
        <td><a href="<?cs var:base ?>/<?cs var:b.id ?>"><?cs var:Lang.import.import.resume ?></a></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</section>
<?cs /if ?>
<?cs /def ?>
