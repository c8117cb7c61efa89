<!doctype html>
<html lang="<?cs var:Mail.Language ?>"><head><meta charset="utf-8"><title><?cs var:Lang.mail.welcome.subject ?></title></head>
<body>
<p><?cs var:Lang.mail.hello ?> <?cs var:Mail.Name ?>,</p>
<p><?cs var:Lang.mail.welcome.body ?> <?cs var:Mail.Account ?>.</p>
<p><a href="<?cs var:Mail.Link ?>"><?cs var:Lang.mail.welcome.action ?></a></p>
<p><?cs var:Lang.mail.welcome.valid_before ?> <?cs var:Mail.Valid ?> <?cs var:Lang.mail.welcome.valid_after ?></p>
<p><?cs var:Lang.mail.signature ?></p>
</body></html>
