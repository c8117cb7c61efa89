<?cs # The support log a support mail is about (support_log, support_remind, support_status). ?><?cs var:Lang.mail.support.title ?>: <?cs var:Mail.Title ?>
<?cs var:Lang.mail.support.account ?>: <?cs var:Mail.Account ?>
<?cs var:Lang.mail.support.product ?>: <?cs var:Mail.Product ?>
<?cs var:Lang.mail.support.reporter ?>: <?cs var:Mail.Reporter ?>
<?cs if:Mail.Topic ?><?cs var:Lang.mail.support.topic ?>: <?cs var:Mail.Topic ?>
<?cs /if ?><?cs var:Lang.mail.support.reported ?>: <?cs var:Mail.Reported ?>
<?cs var:Lang.mail.support.status ?>: <?cs var:Lang.support.states[Mail.State] ?>
<?cs if:Mail.Notes ?><?cs var:Lang.mail.support.notes ?>: <?cs var:Mail.Notes ?>
<?cs /if ?>
