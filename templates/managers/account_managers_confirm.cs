<?cs include:"managers/account_managers_parts.cs" ?>
<?cs def:content() ?>
<?cs with:t = Lang.managers.account_managers_confirm ?>
<?cs if:Confirm.Refused ?><?cs call:refused(Confirm.Title) ?><?cs else ?>
<section class="dialog" role="dialog" aria-labelledby="confirm-title">
  <h1 id="confirm-title"><?cs var:Confirm.Title ?></h1>
  <p><?cs var:Confirm.Body ?></p>
  <?cs if:Confirm.Action == "convert" ?><?cs call:selected_names(t.admins) ?><?cs
  else ?><?cs call:selected_names(t.managers) ?><?cs /if ?>
  <form method="post" action="/account-managers/confirm">
    <?cs call:csrf() ?>
    <input type="hidden" name="action" value="<?cs var:Confirm.Action ?>">
    <?cs call:selected_inputs() ?>
    <div class="actions">
      <a class="button secondary" href="<?cs var:Confirm.Back ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs if:Confirm.Action == "convert" ?><?cs var:t.ok ?><?cs else ?><?cs var:t.confirm ?><?cs /if ?></button>
    </div>
  </form>
</section>
<?cs /if ?>
<?cs /with ?>
<?cs /def ?>
