<?cs def:content() ?>
<section class="card login">
  <h1><?cs var:Lang.auth.login.heading ?></h1>
  <?cs if:Form.Error ?><p class="flash flash-error" role="alert"><?cs var:Form.Error ?></p><?cs /if ?>
  <?cs if:Login.Step == "idp" ?>
    <?cs # On to the identity provider: by itself (a new navigation, which the
         page's form-action policy does not hold back), or by the link. ?>
    <meta http-equiv="refresh" content="0; url=<?cs var:Login.IdPPath ?>">
    <p><?cs var:Lang.auth.login.idp_redirect ?></p>
    <p class="actions"><a class="button" href="<?cs var:Login.IdPPath ?>"><?cs var:Lang.auth.login.sign_in_with ?> <?cs var:Login.IdP ?></a></p>
  <?cs else ?>
  <form method="post" action="/login" novalidate>
    <?cs call:csrf() ?>
    <div class="field">
      <label for="f-email"><?cs var:Lang.auth.login.email ?></label>
      <input id="f-email" name="email" type="email" autocomplete="username" value="<?cs var:Form.Values.email ?>"<?cs if:!Login.Step ?> autofocus<?cs /if ?>>
    </div>
    <?cs if:Login.Step == "account" ?>
    <div class="field">
      <label for="f-account"><?cs var:Lang.auth.login.account ?></label>
      <input id="f-account" name="account" type="text" autocomplete="off" spellcheck="false" value="<?cs var:Form.Values.account ?>" aria-describedby="h-account" autofocus>
      <p class="hint" id="h-account"><?cs var:Lang.auth.login.account_hint ?></p>
    </div>
    <?cs elif:Form.Values.account ?>
    <input type="hidden" name="account" value="<?cs var:Form.Values.account ?>">
    <?cs /if ?>
    <?cs if:Login.Step == "choice" ?>
    <div class="sso-choice">
      <a class="button" href="<?cs var:Login.IdPPath ?>"><?cs var:Lang.auth.login.sign_in_with ?> <?cs var:Login.IdP ?></a>
      <p><?cs var:Lang.auth.login.or_password ?></p>
    </div>
    <?cs elif:Login.Step == "password" ?>
    <p class="hint"><?cs var:Lang.auth.login.enter_password ?></p>
    <?cs /if ?>
    <div class="field">
      <label for="f-password"><?cs var:Lang.auth.login.password ?></label>
      <input id="f-password" name="password" type="password" autocomplete="current-password"<?cs if:Login.Step == "password" || Login.Step == "choice" ?> autofocus<?cs /if ?>>
    </div>
    <div class="actions"><a href="/forgot"><?cs var:Lang.auth.login.forgot ?></a><button type="submit" name="next" value="1"><?cs var:Lang.auth.login.submit ?></button></div>
  </form>
  <?cs if:!Login.Step ?>
    <p class="hint"><?cs var:Lang.auth.login.email_first ?></p>
    <?cs if:Login.PartnerIdP ?>
    <div class="partner-idp">
      <p><?cs var:Lang.auth.login.partner ?></p>
      <a class="button secondary" href="/saml2/partner/login"><?cs var:Login.PartnerIdP ?></a>
    </div>
    <?cs /if ?>
  <?cs /if ?>
  <?cs /if ?>
</section>
<?cs /def ?>
