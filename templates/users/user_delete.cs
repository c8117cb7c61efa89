<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/users" ?>
<?cs if:Delete.Refused ?>
<section class="dialog" role="alertdialog" aria-labelledby="refused-title" aria-describedby="refused-body">
  <h2 id="refused-title"><?cs var:Lang.users.user_delete.title ?></h2>
  <p id="refused-body"><?cs var:Delete.Refused ?></p>
  <div class="actions"><a class="button secondary" href="<?cs var:base ?>/<?cs var:User.id ?>"><?cs var:Lang.users.user_delete.back ?></a></div>
</section>
<?cs else ?>
<?cs if:Delete.PbxSynced ?><?cs set:body = Lang.users.user_delete.pbx_body ?><?cs else ?><?cs set:body = Lang.users.user_delete.body ?><?cs /if ?>
<?cs call:confirm_word(base + "/" + User.id + "/delete", Delete.Word, Lang.users.user_delete.title,
    body + " " + User.display_name + " (" + User.email + ").",
    Lang.users.user_delete.delete, base + "/" + User.id) ?>
<?cs /if ?>
<?cs /def ?>
