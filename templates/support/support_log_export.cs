<?cs # Export Logs (guide §2.10): the log's zip files, downloaded at once with
     JavaScript (static/js/support.js), offered as links without it. ?>
<?cs def:content() ?>
<?cs set:here = "/a/" + Account.id + "/support-logs/" + Log.id ?>
<script src="/static/js/support.js" defer></script>
<section class="card">
  <h1><?cs var:Lang.support.support_log_export.title ?></h1>
  <p><?cs var:Log.title ?></p>
  <p><?cs var:Lang.support.support_log_export.intro ?></p>
  <ul class="downloads" data-auto-download>
    <li><a href="<?cs var:here ?>/logs.zip" download>logs-<?cs var:Log.short_id ?>.zip</a> — <?cs var:Lang.support.support_log_export.logs_zip ?></li>
    <?cs if:Log.has_report ?><li><a href="<?cs var:here ?>/report.zip" download>report.zip</a> — <?cs var:Lang.support.support_log_export.report_zip ?></li><?cs /if ?>
  </ul>
  <div class="actions"><a class="button secondary" href="<?cs var:here ?>"><?cs var:Lang.support.support_log.return_log ?></a></div>
</section>
<?cs /def ?>
