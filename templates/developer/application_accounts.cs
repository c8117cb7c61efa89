<?cs include:"developer/application_form.cs" ?>
<?cs def:content() ?>
<?cs call:application_head("accounts") ?>
<section class="card">
  <h2><?cs var:Lang.developer.application_accounts.assign_title ?></h2>
  <?cs if:subcount(Assignable) == 0 ?>
    <p class="hint"><?cs var:Lang.developer.application_accounts.none_left ?></p>
  <?cs else ?>
  <form method="post" action="/developer/<?cs var:App.id ?>/accounts" class="inline-form">
    <?cs call:csrf() ?>
    <input type="hidden" name="action" value="assign">
    <div class="field<?cs if:Form.Errors.account ?> has-error<?cs /if ?>">
      <label for="f-account"><?cs var:Lang.developer.application_accounts.account ?></label>
      <select id="f-account" name="account"<?cs if:Form.Errors.account ?> aria-invalid="true" aria-describedby="e-account"<?cs /if ?>>
        <?cs each:a = Assignable ?><option value="<?cs var:a.id ?>"><?cs var:a.name ?></option><?cs /each ?>
      </select>
      <?cs if:Form.Errors.account ?><p class="error" id="e-account"><?cs var:Form.Errors.account ?></p><?cs /if ?>
    </div>
    <button type="submit"><?cs var:Lang.developer.application_accounts.assign ?></button>
  </form>
  <?cs /if ?>
  <?cs if:Form.Errors.account && subcount(Assignable) == 0 ?><p class="error" id="e-account" role="alert"><?cs var:Form.Errors.account ?></p><?cs /if ?>
  <?cs if:Form.Errors.action ?><p class="error" role="alert"><?cs var:Form.Errors.action ?></p><?cs /if ?>
</section>
<section class="card">
  <h2><?cs var:Lang.developer.application_accounts.assigned_title ?></h2>
  <?cs if:subcount(Assigned) == 0 ?>
    <p class="empty"><?cs var:Lang.developer.application_accounts.none ?></p>
  <?cs else ?>
  <table class="list" aria-label="<?cs var:Lang.developer.application_accounts.assigned_title ?>">
    <thead><tr>
      <th scope="col"><?cs var:Lang.developer.application_accounts.col_account ?></th>
      <th scope="col"><?cs var:Lang.developer.application_accounts.col_account_id ?></th>
      <th scope="col"><?cs var:Lang.developer.application_accounts.col_assigned ?></th>
      <th scope="col"><span class="visually-hidden"><?cs var:Lang.common.actions ?></span></th>
    </tr></thead>
    <tbody>
    <?cs each:a = Assigned ?>
      <tr>
        <th scope="row"><?cs var:a.name ?></th>
        <td><code class="id"><?cs var:a.id ?></code></td>
        <td><?cs var:date_text(a.assigned) ?></td>
        <td>
          <form method="post" action="/developer/<?cs var:App.id ?>/accounts" class="inline">
            <?cs call:csrf() ?>
            <input type="hidden" name="action" value="unassign">
            <input type="hidden" name="account" value="<?cs var:a.id ?>">
            <button type="submit" class="secondary small" aria-label="<?cs var:Lang.developer.application_accounts.unassign ?> <?cs var:a.name ?>"><?cs var:Lang.developer.application_accounts.unassign ?></button>
          </form>
        </td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
</section>
<?cs /def ?>
