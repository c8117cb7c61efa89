<?cs # The pieces of a support log the details page and the export's
     report.html share (guide §2.10 View a Log). ?>

<?cs def:log_facts() ?>
<dl class="facts">
  <dt><?cs var:Lang.support.support_log.product ?></dt><dd><?cs var:Log.product ?></dd>
  <dt><?cs var:Lang.support.support_log.reporter ?></dt><dd><?cs var:Log.reporter_email ?></dd>
  <dt><?cs var:Lang.support.support_log.partner_id ?></dt><dd><code><?cs var:Log.partner_id ?></code></dd>
  <dt><?cs var:Lang.support.support_log.account_id ?></dt><dd><code><?cs var:Log.account_id ?></code></dd>
  <dt><?cs var:Lang.support.support_log.user_id ?></dt><dd><code><?cs var:Log.user_id ?></code></dd>
</dl>
<?cs /def ?>

<?cs # One tab's panel: Report Details (topic, the description, the log
     level), a tab of names and values, or the signal strength rows. ?>
<?cs def:log_tab_panel(t) ?>
<?cs if:t.key == "report" ?>
  <dl class="facts">
    <dt><?cs var:Lang.support.support_log.topic ?></dt><dd><?cs var:Log.topic ?></dd>
    <?cs if:Log.log_level ?><dt><?cs var:Lang.support.support_log.log_level ?></dt><dd><?cs var:Log.log_level ?></dd><?cs /if ?>
  </dl>
  <p class="description"><?cs var:Log.description ?></p>
<?cs elif:subcount(Tab[t.key]) == 0 ?>
  <p class="hint"><?cs var:Lang.support.support_log.nothing ?></p>
<?cs elif:t.key == "signal" ?>
  <div class="table-scroll">
  <table class="list">
    <thead><tr>
      <th scope="col"><?cs var:Lang.support.support_log.signal_time ?></th>
      <th scope="col"><?cs var:Lang.support.support_log.signal_strength ?></th>
      <th scope="col"><?cs var:Lang.support.support_log.signal_network ?></th>
    </tr></thead>
    <tbody><?cs each:s = Tab.signal ?><tr><td><?cs var:s.time ?></td><td><?cs var:s.strength ?></td><td><?cs var:s.network ?></td></tr><?cs /each ?></tbody>
  </table>
  </div>
<?cs else ?>
  <?cs # The app's own names and values: words of the app, not the console's (translate="no"). ?>
  <dl class="facts" translate="no"><?cs each:e = Tab[t.key] ?><dt><?cs var:e.name ?></dt><dd><?cs var:e.value ?></dd><?cs /each ?></dl>
<?cs /if ?>
<?cs /def ?>
