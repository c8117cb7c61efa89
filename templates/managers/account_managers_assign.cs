<?cs include:"managers/account_managers_parts.cs" ?>
<?cs def:content() ?>
<?cs with:t = Lang.managers.account_managers_assign ?>
<?cs if:Confirm.Refused ?><?cs call:refused(Confirm.Title) ?><?cs else ?>
<section class="dialog" role="dialog" aria-labelledby="confirm-title">
  <h1 id="confirm-title"><?cs var:Confirm.Title ?></h1>
  <p><?cs var:Confirm.Body ?></p>
  <?cs call:selected_names(t.managers) ?>
  <h2><?cs var:t.accounts ?></h2>
  <ul class="selected-names"><?cs each:a = Accounts ?><li><?cs var:a.name ?></li><?cs /each ?></ul>
  <form method="post" action="/account-managers/assign">
    <?cs call:csrf() ?>
    <input type="hidden" name="action" value="<?cs var:Confirm.Action ?>">
    <input type="hidden" name="tab" value="<?cs var:Confirm.Tab ?>">
    <?cs call:selected_inputs() ?>
    <?cs each:a = Accounts ?><input type="hidden" name="accounts" value="<?cs var:a.id ?>"><?cs /each ?>
    <div class="actions">
      <a class="button secondary" href="<?cs var:Confirm.Back ?>"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs if:Confirm.Action == "assign" ?><?cs var:t.assign ?><?cs else ?><?cs var:t.unassign ?><?cs /if ?></button>
    </div>
  </form>
</section>
<?cs /if ?>
<?cs /with ?>
<?cs /def ?>
