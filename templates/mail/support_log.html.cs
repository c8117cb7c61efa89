<?cs # Mail to an account's support contacts about a support log (guide §2.9, §2.10). ?><!doctype html>
<html lang="<?cs var:Mail.Language ?>"><head><meta charset="utf-8"><title><?cs var:Lang.mail.support_log.subject ?></title></head>
<body>
<p><?cs var:Lang.mail.hello ?>,</p>
<p><?cs var:Lang.mail.support_log.body ?> <?cs var:Mail.Account ?>.</p>
<table>
<tr><th align="left"><?cs var:Lang.mail.support.title ?></th><td><?cs var:Mail.Title ?></td></tr>
<tr><th align="left"><?cs var:Lang.mail.support.account ?></th><td><?cs var:Mail.Account ?></td></tr>
<tr><th align="left"><?cs var:Lang.mail.support.product ?></th><td><?cs var:Mail.Product ?></td></tr>
<tr><th align="left"><?cs var:Lang.mail.support.reporter ?></th><td><?cs var:Mail.Reporter ?></td></tr>
<?cs if:Mail.Topic ?><tr><th align="left"><?cs var:Lang.mail.support.topic ?></th><td><?cs var:Mail.Topic ?></td></tr><?cs /if ?>
<tr><th align="left"><?cs var:Lang.mail.support.reported ?></th><td><?cs var:Mail.Reported ?></td></tr>
<tr><th align="left"><?cs var:Lang.mail.support.status ?></th><td><?cs var:Lang.support.states[Mail.State] ?></td></tr>
<?cs if:Mail.Notes ?><tr><th align="left"><?cs var:Lang.mail.support.notes ?></th><td style="white-space: pre-wrap"><?cs var:Mail.Notes ?></td></tr><?cs /if ?>
</table>
<p><a href="<?cs var:Mail.Link ?>"><?cs var:Lang.mail.support_log.action ?></a></p>
<p><?cs var:Lang.mail.signature ?></p>
</body></html>
