<?cs include:"managers/account_managers_parts.cs" ?>
<?cs def:content() ?>
<?cs if:Confirm.Action == "convert" ?><?cs set:back = "/account-managers?tab=admins" ?><?cs else ?><?cs set:back = "/account-managers?tab=managers" ?><?cs /if ?>
<section class="dialog" role="dialog" aria-labelledby="confirm-title">
  <h1 id="confirm-title"><?cs var:Confirm.Title ?></h1>
  <p><?cs var:Confirm.Body ?></p>
  <?cs if:Confirm.Action == "convert" ?><?cs call:selected_names(Lang.account_managers.confirm.admins) ?><?cs
  else ?><?cs call:selected_names(Lang.account_managers.confirm.users) ?><?cs /if ?>
  <form method="post" action="/account-managers/confirm">
    <?cs call:csrf() ?>
    <input type="hidden" name="action" value="<?cs var:Confirm.Action ?>">
    <?cs call:selected_inputs() ?>
    <div class="actions">
      <a class="button secondary" href="<?cs var:back ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs if:Confirm.Action == "convert" ?><?cs var:Lang.account_managers.ok ?><?cs else ?><?cs var:Lang.account_managers.confirm_button ?><?cs /if ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
