<?cs # Mail to an account's support contacts about a support log (guide §2.9, §2.10). ?><?cs var:Lang.mail.hello ?>,

<?cs var:Lang.mail.support_status.body ?>

<?cs include:"mail/support_fields.txt.cs" ?><?cs var:Lang.mail.support_status.action ?>:
<?cs var:Mail.Link ?>

<?cs var:Lang.mail.signature ?>
