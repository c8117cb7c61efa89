<?cs include:"developer/application_form.cs" ?>
<?cs def:content() ?>
<section class="card">
  <h1><?cs var:Lang.developer.application_new.title ?></h1>
  <form method="post" action="/developer/new" novalidate>
    <?cs call:csrf() ?>
    <?cs call:application_fields() ?>
    <div class="actions">
      <a class="button secondary" href="/developer"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.developer.application_new.register ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
