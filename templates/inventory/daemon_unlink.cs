<?cs def:content() ?>
<?cs with:t = Lang.inventory.daemon_unlink ?>
<?cs call:confirm_word(Inventory.Base + "/daemons/" + Daemon.id + "/unlink", "unlink", t.title + " " + Daemon.host, t.body, t.button, Inventory.Base + "/daemons") ?>
<?cs /with ?>
<?cs /def ?>
