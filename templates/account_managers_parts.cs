<?cs # Shared by the Account Managers screens: the finished progress dialog
     after an action, and the list of who and what a confirmation is about. ?>
<?cs def:managers_progress(close_href) ?>
<?cs if:Done.Title ?>
<section class="dialog progress-dialog" role="status" aria-labelledby="progress-title">
  <h2 id="progress-title"><?cs var:Done.Title ?></h2>
  <progress max="<?cs var:Done.Count ?>" value="<?cs var:Done.Count ?>" aria-labelledby="progress-title"></progress>
  <p><?cs var:Done.Text ?></p>
  <div class="actions"><a class="button" href="<?cs var:close_href ?>"><?cs var:Lang.account_managers.close ?></a></div>
</section>
<?cs /if ?>
<?cs /def ?>

<?cs def:selected_names(label) ?>
<h2><?cs var:label ?></h2>
<ul class="selected-names">
<?cs each:u = Selected ?><?cs if:u.id ?><li><?cs var:u.name ?> <span class="hint">(<?cs var:u.email ?>)</span></li><?cs /if ?><?cs /each ?>
</ul>
<?cs /def ?>

<?cs def:selected_inputs() ?>
<?cs each:u = Selected ?><?cs if:u.id ?><input type="hidden" name="users" value="<?cs var:u.id ?>"><?cs /if ?><?cs /each ?>
<?cs /def ?>
