<?cs # The head of a role's pages: its name, the Role / Accounts tabs, and
     Duplicate Role and Delete Role for who may. ?>
<?cs def:role_head(current) ?>
<div class="toolbar">
  <h1><?cs var:Role.name ?></h1>
  <span class="spacer"></span>
  <?cs if:Can.roles.add && Me.is_partner ?><a class="button secondary" href="/roles/<?cs var:Role.id ?>/duplicate"><?cs var:Lang.roles.role_tabs.duplicate ?></a><?cs /if ?>
  <?cs if:Can.roles.delete && Me.is_partner ?><a class="button danger" href="/roles/<?cs var:Role.id ?>/delete"><?cs var:Lang.roles.role_tabs.delete ?></a><?cs /if ?>
</div>
<?cs if:Me.is_partner ?>
<nav class="tabs" aria-label="<?cs var:Lang.roles.role_tabs.tabs_label ?>">
  <a href="/roles/<?cs var:Role.id ?>"<?cs if:current == "role" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.roles.role_tabs.tab_role ?></a>
  <a href="/roles/<?cs var:Role.id ?>/accounts"<?cs if:current == "accounts" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.roles.role_tabs.tab_accounts ?></a>
</nav>
<?cs /if ?>
<?cs /def ?>
