<?cs # Mail to an account's support contacts about a support log (guide §2.9, §2.10). ?><?cs var:Lang.mail.hello ?>,

<?cs var:Lang.mail.support_log.body ?> <?cs var:Mail.Account ?>.

<?cs include:"mail/support_fields.txt.cs" ?><?cs var:Lang.mail.support_log.action ?>:
<?cs var:Mail.Link ?>

<?cs var:Lang.mail.signature ?>
