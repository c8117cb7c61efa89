<?cs def:content() ?>
<section class="card login">
  <h1><?cs var:Lang.auth.forgot.heading ?></h1>
<?cs if:Forgot.Sent ?>
  <p role="status"><?cs var:Lang.auth.forgot.sent ?></p>
  <div class="actions"><a class="button" href="/login"><?cs var:Lang.auth.login.title ?></a></div>
<?cs else ?>
  <p><?cs var:Lang.auth.forgot.intro ?></p>
  <?cs if:Form.HasErrors ?><p class="flash flash-error" role="alert"><?cs var:Lang.errors.form ?></p><?cs /if ?>
  <form method="post" action="/forgot" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("email", Lang.auth.forgot.email, "email", 1, "") ?>
    <div class="actions"><a class="button secondary" href="/login"><?cs var:Lang.common.cancel ?></a><button type="submit"><?cs var:Lang.auth.forgot.submit ?></button></div>
  </form>
<?cs /if ?>
</section>
<?cs /def ?>
