<?cs # An application's fields (Register application, Details). ?>
<?cs def:application_fields() ?>
<?cs call:field("name", Lang.developer.application_form.name, "text", 1, "") ?>
<?cs call:field("description", Lang.developer.application_form.description, "text", 0, "") ?>
<div class="field<?cs if:Form.Errors.redirect_uris ?> has-error<?cs /if ?>">
  <label for="f-redirect_uris"><?cs var:Lang.developer.application_form.redirect_uris ?></label>
  <textarea id="f-redirect_uris" name="redirect_uris" rows="4" aria-describedby="h-redirect_uris<?cs if:Form.Errors.redirect_uris ?> e-redirect_uris<?cs /if ?>"<?cs
    if:Form.Errors.redirect_uris ?> aria-invalid="true"<?cs /if ?>><?cs var:Form.Values.redirect_uris ?></textarea>
  <p class="hint" id="h-redirect_uris"><?cs var:Lang.developer.application_form.redirect_uris_hint ?></p>
  <?cs if:Form.Errors.redirect_uris ?><p class="error" id="e-redirect_uris"><?cs var:Form.Errors.redirect_uris ?></p><?cs /if ?>
</div>
<?cs /def ?>

<?cs # The head of an application's pages: its name and the Details / Accounts tabs. ?>
<?cs def:application_head(current) ?>
<div class="toolbar">
  <h1><?cs var:App.name ?></h1>
  <span class="spacer"></span>
  <a class="button danger" href="/developer/<?cs var:App.id ?>/delete"><?cs var:Lang.developer.application_form.delete ?></a>
</div>
<nav class="tabs" aria-label="<?cs var:Lang.developer.application_form.tabs ?>">
  <a href="/developer/<?cs var:App.id ?>"<?cs if:current == "details" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.developer.application_form.tab_details ?></a>
  <a href="/developer/<?cs var:App.id ?>/accounts"<?cs if:current == "accounts" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.developer.application_form.tab_accounts ?></a>
</nav>
<?cs /def ?>
