<?cs def:content() ?>
<?cs call:confirm_word(Status.Action, Status.Word, Status.Title, Status.Body, Status.Button, Status.Cancel) ?>
<?cs /def ?>
