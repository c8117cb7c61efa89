<!doctype html>
<html lang="<?cs alt:Page.Language ?>en<?cs /alt ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> · <?cs /if ?><?cs var:Lang.app.name ?></title>
<link rel="stylesheet" href="/static/css/console.css">
<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">
<script src="/static/js/console.js" defer></script>
</head>
<body>
<a class="skip" href="#content"><?cs var:Lang.layout.skip ?></a>
<?cs if:Me.id ?>
<?cs # A partner user inside one of their customer accounts works as its
     administrator (guide §1.3); on the partner account itself they see the
     partner's own navigation. ?>
<?cs set:in_customer = Account.id && !Account.is_partner ?>
<?cs if:Me.is_partner && in_customer ?><?cs set:home = "/a/" + Account.id ?><?cs else ?><?cs set:home = "/" ?><?cs /if ?>
<div class="frame">
  <nav class="sidebar" aria-label="<?cs var:Lang.layout.nav_label ?>">
    <a class="brand" href="/"><?cs var:Lang.app.name ?> <span><?cs var:Lang.app.console ?></span></a>
    <?cs # On a narrow screen the list folds behind this button (style only:
         the <details> keeps its state without JavaScript). ?>
    <details class="nav-toggle" data-menu><summary><?cs var:Lang.layout.menu ?></summary></details>
    <ul class="nav">
      <li><a href="<?cs var:home ?>"<?cs if:Page.Route == "/" || Page.Route == "/a/:acct" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.layout.dashboard ?></a></li>
      <?cs if:Me.is_partner && Can.accounts.view ?>
      <li><a href="/accounts"<?cs if:Page.Route == "/accounts" || Page.Route == "/accounts/new" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.layout.accounts ?></a></li>
      <?cs /if ?>
      <?cs # The gateway portal's Partner Dashboard (seed 001). ?>
      <?cs if:Me.is_partner && !in_customer && Can.accounts.view ?>
      <li><a href="/gateway-portal"<?cs if:Page.Route == "/gateway-portal" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.gateway.nav.portal ?></a></li>
      <?cs /if ?>
      <?cs if:in_customer && Account.status == "active" ?>
        <?cs if:Can.account.view ?>
        <li><a href="/a/<?cs var:Account.id ?>/info"<?cs if:Page.Route == "/a/:acct/info" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.layout.account ?></a></li>
        <?cs /if ?>
        <?cs if:Can.users.view ?>
        <li class="group"><span><?cs var:Lang.layout.user_management ?></span>
          <ul><li><a href="/a/<?cs var:Account.id ?>/users"<?cs if:string.find(Page.Route, "/users") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.layout.users ?></a></li>
            <?cs if:Can.user_templates.view ?><li><a href="/a/<?cs var:Account.id ?>/user-templates"<?cs if:string.find(Page.Route, "/user-templates") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.user_templates.nav ?></a></li><?cs /if ?>
            <?cs if:!Me.is_partner && Can.roles.view ?><li><a href="/roles"<?cs if:string.find(Page.Route, "/roles") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.roles.nav ?></a></li><?cs /if ?></ul>
        </li>
        <?cs /if ?>
        <?cs if:Can.integrations.view ?>
        <li><a href="/a/<?cs var:Account.id ?>/integrations"<?cs if:string.find(Page.Route, "/a/:acct/integrations") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.integrations.nav ?></a></li>
        <?cs /if ?>
        <?cs # Billing (ch2 §0.1): the account's Subscriptions (guide §2.7), not for a Prime Partner nor a partner without a billing account. ?>
        <?cs if:Can.subscriptions.view && Me.subscriptions ?>
        <li class="group"><span><?cs var:Lang.orders.billing_nav ?></span>
          <ul><li><a href="/a/<?cs var:Account.id ?>/subscriptions"<?cs if:Page.Route == "/a/:acct/subscriptions" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.subscriptions.nav ?></a></li></ul>
        </li>
        <?cs /if ?>
        <?cs # MiVoice Business (guide §3.1.2): once integrated with its Customer Admin Portal. ?>
        <?cs if:Account.mivb && Can.mivb.view ?>
        <li class="group"><span><?cs var:Lang.mivb.nav ?></span>
          <ul>
            <li><a href="/a/<?cs var:Account.id ?>/mivb/numbers"<?cs if:string.find(Page.Route, "/mivb/numbers") >= 0 || string.find(Page.Route, "/mivb/ranges") >= 0 || string.find(Page.Route, "/mivb/did") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.mivb.numbers_nav ?></a></li>
            <li><a href="/a/<?cs var:Account.id ?>/mivb/locations"<?cs if:string.find(Page.Route, "/mivb/locations") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.mivb.locations_nav ?></a></li>
            <?cs if:Account.zoom ?><li><a href="/a/<?cs var:Account.id ?>/mivb/emergency"<?cs if:string.find(Page.Route, "/mivb/emergency") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.mivb.emergency_nav ?></a></li><?cs /if ?>
            <li><a href="/a/<?cs var:Account.id ?>/mivb/voice-gateway"<?cs if:string.find(Page.Route, "/mivb/voice-gateway") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.mivb.voice_gateway_nav ?></a></li>
            <?cs if:Account.micollab ?><li><a href="/a/<?cs var:Account.id ?>/mivb/tools"<?cs if:string.find(Page.Route, "/mivb/tools") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.mivb.tools_nav ?></a></li><?cs /if ?>
          </ul>
        </li>
        <?cs /if ?>
      <?cs elif:Me.is_partner && (Can.users.view || Can.roles.view || Can.account_managers.view) ?>
      <?cs # The partner account's own users, account managers and roles (guide §2.4, §2.14, §2.15). ?>
      <li class="group"><span><?cs var:Lang.layout.user_management ?></span>
        <ul>
          <?cs if:Can.users.view ?><li><a href="/a/<?cs var:Me.partner_id ?>/users"<?cs if:Account.is_partner && string.find(Page.Route, "/users") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.layout.users ?></a></li><?cs /if ?>
          <?cs if:Can.account_managers.view ?><li><a href="/account-managers"<?cs if:string.find(Page.Route, "/account-managers") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.managers.nav ?></a></li><?cs /if ?>
          <?cs if:Can.roles.view ?><li><a href="/roles"<?cs if:string.find(Page.Route, "/roles") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.roles.nav ?></a></li><?cs /if ?>
        </ul>
      </li>
      <?cs /if ?>
      <?cs # Billing (ch2 §0.1): Orders, the partner's, at partner level (guide §2.6). ?>
      <?cs if:Me.is_partner && !in_customer && Can.orders.view ?>
      <li class="group"><span><?cs var:Lang.orders.billing_nav ?></span>
        <ul><li><a href="/orders"<?cs if:string.find(Page.Route, "/orders") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.orders.nav ?></a></li></ul>
      </li>
      <?cs /if ?>
      <?cs # System Inventory (guide §2.17) and Support > Event History (§2.16): inside a
           customer account, and for the partner at partner level. ?>
      <?cs if:in_customer && Account.status == "active" ?><?cs set:inv = "/a/" + Account.id + "/inventory" ?><?cs
        elif:Me.is_partner && Can.accounts.view ?><?cs set:inv = "/inventory" ?><?cs else ?><?cs set:inv = "" ?><?cs /if ?>
      <?cs if:inv && (Can.account.view || !in_customer) ?>
      <li class="group"><span><?cs var:Lang.inventory.nav ?></span>
        <ul>
          <li><a href="<?cs var:inv ?>/platforms"<?cs if:string.find(Page.Route, "/inventory/platforms") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.inventory.platforms_nav ?></a></li>
          <li><a href="<?cs var:inv ?>/applications"<?cs if:string.find(Page.Route, "/inventory/applications") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.inventory.applications_nav ?></a></li>
          <?cs if:in_customer ?><li><a href="<?cs var:inv ?>/daemons"<?cs if:string.find(Page.Route, "/inventory/daemons") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.inventory.daemons_nav ?></a></li><?cs /if ?>
        </ul>
      </li>
      <?cs /if ?>
      <?cs # Support: Gateway (guide §2.11) and Support Logs (§2.10) of a customer
           account, and Event History (§2.16), the partner's too. ?>
      <?cs if:Can.support.view && ((in_customer && Account.status == "active") || (Me.is_partner && !in_customer)) ?>
      <li class="group"><span><?cs var:Lang.layout.support ?></span>
        <ul>
          <?cs if:in_customer ?>
          <li><a href="/a/<?cs var:Account.id ?>/support/gateway"<?cs if:string.find(Page.Route, "/support/gateway") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.gateway.nav.gateway ?></a></li>
          <li><a href="/a/<?cs var:Account.id ?>/support-logs"<?cs if:string.find(Page.Route, "/support-logs") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.support.support_logs.nav ?></a></li>
          <?cs /if ?>
          <li><a href="/a/<?cs if:in_customer ?><?cs var:Account.id ?><?cs else ?><?cs var:Me.partner_id ?><?cs /if ?>/events"<?cs if:string.find(Page.Route, "/events") >= 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.events.nav ?></a></li>
        </ul>
      </li>
      <?cs /if ?>
      <?cs if:Me.is_partner && !in_customer && Can.developer.view && Me.role != "account_manager" ?>
      <li><a href="/developer"<?cs if:string.find(Page.Route, "/developer") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:Lang.developer.nav ?></a></li>
      <?cs /if ?>
    </ul>
  </nav>
  <div class="main">
    <header class="topbar">
      <div class="context">
        <?cs if:Account.id ?>
          <span class="account-name"><?cs var:Account.name ?></span>
          <?cs if:Me.is_partner && in_customer ?><a class="back" href="/accounts"><?cs var:Lang.layout.back_to_partner ?></a><?cs /if ?>
        <?cs /if ?>
      </div>
      <?cs # Guide §1.3: partner users find a customer account by its name. ?>
      <?cs if:Me.is_partner && Can.accounts.view ?>
      <form class="account-search" method="get" action="/accounts/search" role="search" aria-label="<?cs var:Lang.layout.account_search ?>" data-account-search>
        <input type="search" id="account-search" name="q" value="<?cs var:Search.Q ?>" autocomplete="off"
          aria-label="<?cs var:Lang.layout.account_search ?>" placeholder="<?cs var:Lang.layout.account_search_placeholder ?>"
          data-results-label="<?cs var:Lang.layout.account_search_results ?>">
        <button type="submit" class="secondary small"><?cs var:Lang.layout.account_search_go ?></button>
      </form>
      <?cs /if ?>
      <?cs include:"bell.cs" ?>
      <details class="avatar-menu" data-menu>
        <summary aria-label="<?cs var:Lang.layout.avatar_menu ?>"><span class="user-name"><?cs var:Me.name ?></span><span class="avatar" aria-hidden="true"><?cs var:string.slice(Me.name, 0, 1) ?></span></summary>
        <div class="menu">
          <span class="email"><?cs var:Me.email ?></span>
          <?cs if:!Me.via_idp ?><a href="/password"><?cs var:Lang.layout.change_password ?></a><?cs /if ?>
          <form method="post" action="/logout"><?cs call:csrf() ?><button type="submit" class="link"><?cs var:Lang.layout.logout ?></button></form>
        </div>
      </details>
    </header>
    <main id="content">
      <?cs call:flash() ?>
      <?cs call:content() ?>
    </main>
    <?cs include:"footer.cs" ?>
  </div>
</div>
<?cs else ?>
<div class="public">
  <main id="content"><?cs call:content() ?></main>
  <?cs include:"footer.cs" ?>
</div>
<?cs /if ?>
</body>
</html>
