<?cs var:Lang.mail.hello ?> <?cs var:Mail.Name ?>,

<?cs var:Lang.mail.reset.body ?>

<?cs var:Lang.mail.reset.action ?>:
<?cs var:Mail.Link ?>

<?cs var:Lang.mail.reset.valid_before ?> <?cs var:Mail.Valid ?> <?cs var:Lang.mail.reset.valid_after ?>
<?cs var:Lang.mail.reset.ignore ?>

<?cs var:Lang.mail.signature ?>
