<?cs # Any refused single sign-on, whatever the reason (ch3 §6.3): the reason
     goes to the log and the account's event history, never to this page. ?>
<?cs def:content() ?>
<section class="card login">
  <h1><?cs var:Lang.sso.refused.heading ?></h1>
  <p><?cs var:Lang.sso.refused.text ?></p>
  <p class="actions"><a class="button" href="/login"><?cs var:Lang.sso.refused.again ?></a></p>
</section>
<?cs /def ?>
