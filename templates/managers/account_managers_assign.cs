<?cs include:"managers/account_managers_parts.cs" ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="confirm-title">
  <h1 id="confirm-title"><?cs var:Confirm.Title ?></h1>
  <p><?cs var:Confirm.Body ?></p>
  <?cs call:selected_names(Lang.account_managers.confirm.users) ?>
  <h2><?cs var:Lang.account_managers.confirm.accounts ?></h2>
  <ul class="selected-names"><?cs each:a = Accounts ?><li><?cs var:a.name ?></li><?cs /each ?></ul>
  <form method="post" action="/account-managers/assign">
    <?cs call:csrf() ?>
    <input type="hidden" name="action" value="<?cs var:Confirm.Action ?>">
    <input type="hidden" name="tab" value="<?cs var:Confirm.Tab ?>">
    <?cs call:selected_inputs() ?>
    <?cs each:a = Accounts ?><input type="hidden" name="accounts" value="<?cs var:a.id ?>"><?cs /each ?>
    <div class="actions">
      <a class="button secondary" href="/account-managers/manage?<?cs var:Selected.Query ?>&tab=<?cs var:Confirm.Tab ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs if:Confirm.Action == "assign" ?><?cs var:Lang.account_managers.assign ?><?cs else ?><?cs var:Lang.account_managers.unassign ?><?cs /if ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
