<!doctype html>
<html lang="<?cs var:Mail.Language ?>"><head><meta charset="utf-8"><title><?cs var:Lang.mail.reset.subject ?></title></head>
<body>
<p><?cs var:Lang.mail.hello ?> <?cs var:Mail.Name ?>,</p>
<p><?cs var:Lang.mail.reset.body ?></p>
<p><a href="<?cs var:Mail.Link ?>"><?cs var:Lang.mail.reset.action ?></a></p>
<p><?cs var:Lang.mail.reset.valid_before ?> <?cs var:Mail.Valid ?> <?cs var:Lang.mail.reset.valid_after ?>
<?cs var:Lang.mail.reset.ignore ?></p>
<p><?cs var:Lang.mail.signature ?></p>
</body></html>
