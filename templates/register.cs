<?cs def:content() ?>
<section class="card login">
  <h1><?cs var:Lang.register.heading ?></h1>
<?cs if:Token.State == "valid" ?>
  <p><?cs var:Lang.register.intro ?> <strong><?cs var:Token.User.email ?></strong></p>
  <?cs if:Form.HasErrors ?><p class="flash flash-error" role="alert"><?cs var:Lang.errors.form ?></p><?cs /if ?>
  <form method="post" action="/register" novalidate>
    <?cs call:csrf() ?>
    <input type="hidden" name="t" value="<?cs var:Token.Value ?>">
    <?cs call:field("password", Lang.register.password, "password", 1, Lang.password.new_hint) ?>
    <?cs call:field("confirm", Lang.register.confirm, "password", 1, "") ?>
    <div class="actions"><button type="submit"><?cs var:Lang.register.submit ?></button></div>
  </form>
<?cs elif:Token.State == "done" ?>
  <p role="status"><?cs var:Lang.register.done ?></p>
  <div class="actions"><a class="button" href="/login"><?cs var:Lang.login.title ?></a></div>
<?cs else ?>
  <p role="alert"><?cs var:Lang.tokens[Token.State] ?></p>
<?cs /if ?>
</section>
<?cs /def ?>
