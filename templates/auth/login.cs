<?cs def:content() ?>
<section class="card login">
  <h1><?cs var:Lang.auth.login.heading ?></h1>
  <?cs if:Form.Error ?><p class="flash flash-error" role="alert"><?cs var:Form.Error ?></p><?cs /if ?>
  <form method="post" action="/login" novalidate>
    <?cs call:csrf() ?>
    <div class="field">
      <label for="f-email"><?cs var:Lang.auth.login.email ?></label>
      <input id="f-email" name="email" type="email" autocomplete="username" value="<?cs var:Form.Values.email ?>" autofocus>
    </div>
    <div class="field">
      <label for="f-password"><?cs var:Lang.auth.login.password ?></label>
      <input id="f-password" name="password" type="password" autocomplete="current-password">
    </div>
    <div class="actions"><a href="/forgot"><?cs var:Lang.auth.login.forgot ?></a><button type="submit"><?cs var:Lang.auth.login.submit ?></button></div>
  </form>
</section>
<?cs /def ?>
