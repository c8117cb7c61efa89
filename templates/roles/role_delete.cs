<?cs def:content() ?>
<?cs if:Delete.Refused ?>
<section class="dialog" role="alertdialog" aria-labelledby="refused-title" aria-describedby="refused-body">
  <h2 id="refused-title"><?cs var:Lang.roles.role_delete.title ?></h2>
  <p id="refused-body"><?cs var:Delete.Refused ?></p>
  <div class="actions"><a class="button secondary" href="/roles/<?cs var:Role.id ?>"><?cs var:Lang.common.back ?></a></div>
</section>
<?cs else ?>
<?cs call:confirm_word("/roles/" + Role.id + "/delete", Delete.Word, Lang.roles.role_delete.title,
    Lang.roles.role_delete.body + " " + Role.name + ".", Lang.common.delete, "/roles/" + Role.id) ?>
<?cs /if ?>
<?cs /def ?>
