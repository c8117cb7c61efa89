<?cs # Billing → Subscriptions (guide §2.7): the panel on its own page. ?>
<?cs include:"subscriptions/panel.cs" ?>
<?cs def:content() ?>
<?cs if:Subscriptions.shown ?>
<?cs call:subscriptions_panel() ?>
<?cs else ?>
<h1><?cs var:Lang.subscriptions.panel.title ?></h1>
<p class="empty"><?cs var:Lang.subscriptions.panel.no_billing ?></p>
<?cs /if ?>
<?cs /def ?>
