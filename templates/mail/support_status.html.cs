<?cs # Mail to an account's support contacts about a support log (guide §2.9, §2.10). ?><!doctype html>
<html lang="<?cs var:Mail.Language ?>"><head><meta charset="utf-8"><title><?cs var:Lang.mail.support_status.subject ?></title></head>
<body>
<p><?cs var:Lang.mail.hello ?>,</p>
<p><?cs var:Lang.mail.support_status.body ?></p>
<?cs include:"mail/support_fields.html.cs" ?>
<p><a href="<?cs var:Mail.Link ?>"><?cs var:Lang.mail.support_status.action ?></a></p>
<p><?cs var:Lang.mail.signature ?></p>
</body></html>
