<?cs # The page a mailed link opens to set a password: sign-up (register.cs)
     and reset (reset.cs) differ only in their text and where they post. ?>
<?cs def:token_password_page(text, action) ?>
<section class="card login">
  <h1><?cs var:text.heading ?></h1>
<?cs if:Token.State == "valid" ?>
  <p><?cs var:text.intro ?> <strong><?cs var:Token.User.email ?></strong></p>
  <?cs if:Form.HasErrors ?><p class="flash flash-error" role="alert"><?cs var:Lang.errors.form ?></p><?cs /if ?>
  <form method="post" action="<?cs var:action ?>" novalidate>
    <?cs call:csrf() ?>
    <input type="hidden" name="t" value="<?cs var:Token.Value ?>">
    <?cs call:field("password", text.password, "password", 1, Lang.auth.password.new_hint) ?>
    <?cs call:field("confirm", text.confirm, "password", 1, "") ?>
    <div class="actions"><button type="submit"><?cs var:text.submit ?></button></div>
  </form>
<?cs elif:Token.State == "done" ?>
  <p role="status"><?cs var:text.done ?></p>
  <div class="actions"><a class="button" href="/login"><?cs var:Lang.auth.login.title ?></a></div>
<?cs else ?>
  <p role="alert"><?cs var:Lang.auth.token_page[Token.State] ?></p>
<?cs /if ?>
</section>
<?cs /def ?>
