<?cs var:Lang.mail.hello ?> <?cs var:Mail.Name ?>,

<?cs var:Lang.mail.welcome.body ?> <?cs var:Mail.Account ?>.

<?cs var:Lang.mail.welcome.action ?>:
<?cs var:Mail.Link ?>

<?cs var:Lang.mail.welcome.valid_before ?> <?cs var:Mail.Valid ?> <?cs var:Lang.mail.welcome.valid_after ?>

<?cs var:Lang.mail.signature ?>
