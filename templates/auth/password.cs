<?cs def:content() ?>
<section class="card narrow">
  <h1><?cs var:Lang.auth.password.title ?></h1>
  <form method="post" action="/password" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("current", Lang.auth.password.current, "password", 1, "") ?>
    <?cs call:field("new", Lang.auth.password.new, "password", 1, Lang.auth.password.new_hint) ?>
    <?cs call:field("confirm", Lang.auth.password.confirm, "password", 1, "") ?>
    <div class="actions"><a class="button secondary" href="/"><?cs var:Lang.common.cancel ?></a><button type="submit"><?cs var:Lang.common.save ?></button></div>
  </form>
</section>
<?cs /def ?>
