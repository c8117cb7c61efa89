<?cs # Shared by the Account Managers screens: the list of who and what a
     confirmation is about. ?>
<?cs def:selected_names(label) ?>
<h2><?cs var:label ?></h2>
<ul class="selected-names">
<?cs each:u = Selected ?><?cs if:u.id ?><li><?cs var:u.name ?> <span class="hint">(<?cs var:u.email ?>)</span></li><?cs /if ?><?cs /each ?>
</ul>
<?cs if:Selected.Self ?><p class="hint"><?cs var:Lang.account_managers.confirm.self_skipped ?></p><?cs /if ?>
<?cs /def ?>

<?cs def:selected_inputs() ?>
<?cs each:u = Selected ?><?cs if:u.id ?><input type="hidden" name="users" value="<?cs var:u.id ?>"><?cs /if ?><?cs /each ?>
<?cs # Carried on so that the job reports the signed-in user as skipped. ?>
<?cs if:Selected.Self ?><input type="hidden" name="users" value="<?cs var:Me.id ?>"><?cs /if ?>
<?cs /def ?>
