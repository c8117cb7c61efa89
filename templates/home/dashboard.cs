<?cs def:content() ?>
<h1><?cs var:Me.name ?></h1>
<div class="tiles">
<?cs if:Me.is_partner && !Account.id ?>
  <?cs if:Can.accounts.view ?>
  <section class="tile"><h2><?cs var:Lang.home.dashboard.accounts ?></h2><a href="/accounts"><?cs var:Lang.home.dashboard.view_accounts ?></a></section>
  <?cs /if ?>
  <?cs # Billing (guide §1.3, §2.6): the partner's orders. ?>
  <?cs if:Can.orders.view ?>
  <section class="tile"><h2><?cs var:Lang.orders.billing_nav ?></h2><a href="/orders"><?cs var:Lang.orders.view_orders ?></a>
    <a href="/orders?filter=unassigned"><?cs var:Lang.orders.view_unassigned ?></a></section>
  <?cs /if ?>
<?cs elif:Account.id ?>
  <?cs if:Can.account.view ?>
  <section class="tile"><h2><?cs var:Lang.home.dashboard.account ?></h2><a href="/a/<?cs var:Account.id ?>/info"><?cs var:Lang.home.dashboard.view_account ?></a></section>
  <?cs /if ?>
  <?cs if:Can.users.view ?>
  <section class="tile"><h2><?cs var:Lang.home.dashboard.users ?></h2><a href="/a/<?cs var:Account.id ?>/users"><?cs var:Lang.home.dashboard.view_users ?></a>
    <?cs if:Can.users.add ?><a href="/a/<?cs var:Account.id ?>/users/new"><?cs var:Lang.home.dashboard.add_user ?></a><?cs /if ?></section>
  <?cs /if ?>
<?cs /if ?>
  <?cs if:!Me.via_idp ?><section class="tile"><h2><?cs var:Lang.home.dashboard.change_password ?></h2><a href="/password"><?cs var:Lang.home.dashboard.change_password ?></a></section><?cs /if ?>
</div>
<?cs /def ?>
