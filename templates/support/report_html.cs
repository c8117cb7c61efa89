<?cs # report.html of Export Logs (guide §2.10): the log as a page of its own,
     read offline; its images are the files beside it in report.zip. ?>
<?cs include:"support/support_log_parts.cs" ?>
<!doctype html>
<html lang="<?cs alt:Page.Language ?>en<?cs /alt ?>">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; form-action 'none'">
<title><?cs var:Log.title ?></title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2939; max-width: 60rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
.description { white-space: pre-wrap; }
table { border-collapse: collapse; } th, td { border: 1px solid #d0d5dd; padding: .3rem .6rem; text-align: left; }
img { max-width: 100%; border: 1px solid #d0d5dd; }
</style>
</head>
<body>
<h1><?cs var:Log.title ?></h1>
<p><?cs var:date_text(Log.created) ?></p>
<h2><?cs var:Lang.support.support_log.submission ?></h2>
<?cs call:log_facts() ?>
<h2><?cs var:Lang.support.support_log.partner_support ?></h2>
<dl class="facts">
  <dt><?cs var:Lang.support.support_log.status ?></dt><dd><?cs var:Lang.support.states[Log.state] ?></dd>
  <dt><?cs var:Lang.support.support_log.notes ?></dt><dd class="description"><?cs var:Log.notes ?></dd>
</dl>
<?cs each:t = Tabs ?>
<h2><?cs var:t.label ?></h2>
<?cs call:log_tab_panel(t) ?>
<?cs /each ?>
<?cs if:Log.images > 0 ?>
<h2><?cs var:Lang.support.support_log.attachments ?></h2>
<?cs each:f = Files ?><?cs if:f.image ?><figure><img src="<?cs var:f.href ?>" alt="<?cs var:f.name ?>"><figcaption><?cs var:f.name ?></figcaption></figure><?cs /if ?><?cs /each ?>
<?cs /if ?>
</body>
</html>
