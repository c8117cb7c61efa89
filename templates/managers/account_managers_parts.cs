<?cs # Shared by the Account Managers screens: the list of who and what a
     confirmation is about, and the buttons that act on a selection. ?>
<?cs def:selected_names(label) ?>
<h2><?cs var:label ?></h2>
<ul class="selected-names">
<?cs each:u = Selected ?><?cs if:u.id ?><li><?cs var:u.name ?> <span class="hint">(<?cs var:u.email ?>)</span></li><?cs /if ?><?cs /each ?>
</ul>
<?cs if:Selected.Self ?><p class="hint"><?cs var:Lang.managers.account_managers_parts.self_skipped ?></p><?cs /if ?>
<?cs /def ?>

<?cs def:selected_inputs() ?>
<?cs each:u = Selected ?><?cs if:u.id ?><input type="hidden" name="users" value="<?cs var:u.id ?>"><?cs /if ?><?cs /each ?>
<?cs # Carried on so that the job reports the signed-in user as skipped. ?>
<?cs if:Selected.Self ?><input type="hidden" name="users" value="<?cs var:Me.id ?>"><?cs /if ?>
<?cs /def ?>

<?cs # " disabled" when there is nothing a selection button could act on. ?>
<?cs def:off_without(count) ?><?cs if:count == 0 ?> disabled<?cs /if ?><?cs /def ?>

<?cs # With script, the buttons marked data-needs-selection wait until a row is checked. ?>
<?cs def:selection_script() ?><script src="/static/js/selection.js" defer></script><?cs /def ?>

<?cs # A confirmation with nothing to confirm: the reason, and the way back. ?>
<?cs def:refused(title) ?>
<section class="dialog" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="refused-body">
  <h1 id="confirm-title"><?cs var:title ?></h1>
  <p class="flash flash-error" id="refused-body"><?cs var:Confirm.Refused ?></p>
  <div class="actions"><a class="button secondary" href="<?cs var:Confirm.Back ?>"><?cs var:Lang.common.back ?></a></div>
</section>
<?cs /def ?>
