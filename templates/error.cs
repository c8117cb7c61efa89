<?cs def:content() ?>
<section class="error-page">
<?cs if:Error.Template ?>
  <h1><?cs var:Lang.errors.template ?></h1>
  <pre class="template-error"><?cs var:Error.Template ?></pre>
<?cs elif:Error.Status == 404 ?>
  <h1><?cs var:Lang.errors.title_404 ?></h1><p><?cs var:Lang.errors.body_404 ?></p>
<?cs elif:Error.Status == 403 ?>
  <h1><?cs var:Lang.errors.title_403 ?></h1><p><?cs var:Lang.errors.body_403 ?></p>
<?cs elif:Error.Status == 405 ?>
  <h1><?cs var:Lang.errors.title_405 ?></h1><p><?cs var:Lang.errors.body_405 ?></p>
<?cs elif:Error.Status == 422 ?>
  <h1><?cs var:Lang.errors.title_422 ?></h1><p><?cs var:Lang.errors.body_422 ?></p>
<?cs elif:Error.Status == 503 ?>
  <h1><?cs var:Lang.errors.title_503 ?></h1><p><?cs var:Lang.errors.body_503 ?></p>
<?cs else ?>
  <h1><?cs var:Lang.errors.title_500 ?></h1><p><?cs var:Lang.errors.body_500 ?></p>
<?cs /if ?>
  <p><a href="/"><?cs var:Lang.layout.dashboard ?></a></p>
</section>
<?cs /def ?>
