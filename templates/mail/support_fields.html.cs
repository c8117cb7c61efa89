<?cs # The support log a support mail is about (support_log, support_remind, support_status). ?><table>
<tr><th align="left"><?cs var:Lang.mail.support.title ?></th><td><?cs var:Mail.Title ?></td></tr>
<tr><th align="left"><?cs var:Lang.mail.support.account ?></th><td><?cs var:Mail.Account ?></td></tr>
<tr><th align="left"><?cs var:Lang.mail.support.product ?></th><td><?cs var:Mail.Product ?></td></tr>
<tr><th align="left"><?cs var:Lang.mail.support.reporter ?></th><td><?cs var:Mail.Reporter ?></td></tr>
<?cs if:Mail.Topic ?><tr><th align="left"><?cs var:Lang.mail.support.topic ?></th><td><?cs var:Mail.Topic ?></td></tr><?cs /if ?>
<tr><th align="left"><?cs var:Lang.mail.support.reported ?></th><td><?cs var:Mail.Reported ?></td></tr>
<tr><th align="left"><?cs var:Lang.mail.support.status ?></th><td><?cs var:Lang.support.states[Mail.State] ?></td></tr>
<?cs if:Mail.Notes ?><tr><th align="left"><?cs var:Lang.mail.support.notes ?></th><td style="white-space: pre-wrap"><?cs var:Mail.Notes ?></td></tr><?cs /if ?>
</table>
