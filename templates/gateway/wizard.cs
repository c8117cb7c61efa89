<?cs # The CloudLink Gateway wizard's frame (cgi-bin/gateway/wizard.c):
     Return to <account>, the status line with its overlays, the control
     that removes the integration (trash while incomplete, a switch once
     complete), and the tabs Gateway · PBX · Connect · Deployment · Advanced
     · Overview (guide §3.1.1). ?>

<?cs def:gateway_assets() ?>
<link rel="stylesheet" href="/static/css/gateway.css">
<script src="/static/js/gateway.js" defer></script>
<?cs /def ?>

<?cs # The status line: the next step, or an error in red; a warning and an alert beside it. ?>
<?cs def:status_line(s) ?>
<p class="status-line level-<?cs var:s.level ?>" data-status-line><span class="visually-hidden"><?cs var:Lang.gateway.status.label ?>: </span><span class="text"><?cs var:s.text ?></span><?cs
  if:s.warning ?> <span class="overlay warn"><?cs var:s.warning ?></span><?cs /if ?><?cs
  if:s.alert ?> <span class="overlay alert"><?cs var:s.alert ?></span><?cs /if ?></p>
<?cs /def ?>

<?cs # A state that changes by itself (the gateway checking in, a sync running): gateway.js reloads the page. ?>
<?cs def:wizard_wait() ?>
<p class="hint" data-refresh="2"><?cs var:Lang.gateway.wizard.refresh ?> <a href="<?cs var:Page.Path ?>"><?cs var:Lang.gateway.wizard.refresh_link ?></a></p>
<?cs /def ?>

<?cs def:form_error() ?>
<?cs if:Form.Errors.form ?><p class="flash flash-error" role="alert" id="e-form"><?cs var:Form.Errors.form ?></p><?cs /if ?>
<?cs /def ?>

<?cs def:wizard_head() ?>
<?cs call:gateway_assets() ?>
<p class="return-link"><a href="<?cs var:Wizard.return_href ?>">&lt; <?cs var:Lang.gateway.wizard.return_to ?> <?cs var:Account.name ?></a></p>
<div class="wizard-head">
  <h1><?cs var:Lang.gateway.wizard.title ?></h1>
  <?cs if:Wizard.remove_href ?>
    <?cs if:Wizard.complete ?>
    <form method="get" action="<?cs var:Wizard.remove_href ?>" class="switch-form">
      <button type="submit" class="switch" role="switch" aria-checked="true" aria-label="<?cs var:Lang.gateway.wizard.toggle ?>"><span aria-hidden="true"></span></button>
    </form>
    <?cs else ?>
    <a class="trash" href="<?cs var:Wizard.remove_href ?>" aria-label="<?cs var:Lang.gateway.wizard.remove ?>" title="<?cs var:Lang.gateway.wizard.remove ?>"><img src="/static/img/trash.svg" alt=""></a>
    <?cs /if ?>
  <?cs /if ?>
</div>
<?cs if:Wizard.added ?><?cs call:status_line(Status) ?><?cs /if ?>
<?cs if:Wizard.removing ?>
<p class="flash flash-error" role="status"><?cs var:Lang.gateway.wizard.removing ?> <a href="<?cs var:Wizard.removing ?>"><?cs var:Lang.gateway.wizard.removing_link ?></a></p>
<?cs /if ?>
<?cs if:Wizard.tab ?>
<nav class="wizard-tabs" aria-label="<?cs var:Lang.gateway.wizard.steps_label ?>">
  <ol>
  <?cs each:t = Wizard.Tabs ?>
    <li<?cs if:t.done ?> class="done"<?cs /if ?>><a href="<?cs var:Wizard.base ?>/<?cs var:t.key ?>"<?cs if:t.key == Wizard.tab ?> aria-current="page"<?cs /if ?>><?cs var:t.label ?><?cs if:t.done ?><span class="visually-hidden"> <?cs var:Lang.gateway.wizard.done ?></span><?cs /if ?></a></li>
  <?cs /each ?>
  </ol>
</nav>
<?cs /if ?>
<?cs /def ?>

<?cs # Cancel (back to the account) and Next: every step's buttons (guide §3.1.1). ?>
<?cs def:wizard_actions(next_label) ?>
<p class="required-note"><?cs var:Lang.gateway.wizard.required ?></p>
<div class="actions">
  <a class="button secondary" href="<?cs var:Wizard.return_href ?>"><?cs var:Lang.gateway.wizard.cancel ?></a>
  <button type="submit"><?cs var:next_label ?></button>
</div>
<?cs /def ?>
