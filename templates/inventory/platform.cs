<?cs include:"inventory/inventory_parts.cs" ?>
<?cs def:content() ?>
<?cs with:t = Lang.inventory.platform ?>
<?cs with:c = Lang.inventory.cols ?>
<?cs with:p = Platform ?>
<link rel="stylesheet" href="/static/css/events.css">
<section class="card platform-details" aria-labelledby="platform-title">
  <div class="screen-head">
    <h1 id="platform-title"><?cs var:p.host ?><?cs if:p.stale ?> <span class="badge warn"><?cs var:Lang.inventory.stale ?></span><?cs /if ?></h1>
    <?cs if:p.launch_tunnel ?><?cs call:launch_button(p.account_id, p.id, "", p.launch_state) ?><?cs /if ?>
  </div>
  <?cs if:p.stale ?><p class="flash flash-error" role="status"><?cs var:t.stale_note ?></p><?cs /if ?>
  <?cs if:p.unlinked ?><p class="hint"><?cs var:t.unlinked_note ?></p><?cs /if ?>
  <dl class="summary">
    <dt><?cs var:c.account ?></dt><dd><?cs var:p.account ?></dd>
    <dt><?cs var:c.host ?></dt><dd><?cs var:p.host ?></dd>
    <dt><?cs var:c.platform_type ?></dt><dd><?cs var:p.platform_type ?></dd>
    <dt><?cs var:c.platform_name ?></dt><dd><?cs var:p.platform_name ?></dd>
    <dt><?cs var:c.app_types ?></dt><dd><?cs var:p.app_types ?></dd>
    <dt><?cs var:c.system_family ?></dt><dd><?cs var:Lang.inventory.families[p.system_family] ?></dd>
    <dt><?cs var:c.licence ?></dt><dd><?cs var:p.licence ?> (<?cs var:Lang.inventory.licences[p.license_type] ?>)</dd>
    <dt><?cs var:c.version ?></dt><dd><?cs var:p.version ?></dd>
    <dt><?cs var:c.swa_status ?></dt><dd><?cs call:swa_badge(p.swa) ?></dd>
    <dt><?cs var:c.swa_expiry ?></dt><dd><?cs var:date_text(p.swa_expiry) ?></dd>
    <dt><?cs var:c.platform_id ?></dt><dd><?cs var:p.platform_id ?></dd>
    <dt><?cs var:t.first_seen ?></dt><dd><?cs var:date_text(p.first_seen) ?> UTC</dd>
    <dt><?cs var:t.reported ?></dt><dd><?cs var:date_text(p.reported) ?> UTC</dd>
    <?cs if:Daemon.next_report ?><dt><?cs var:t.next_report ?></dt><dd><?cs var:date_text(Daemon.next_report) ?> UTC</dd><?cs /if ?>
  </dl>
</section>

<section class="card" aria-labelledby="apps-title">
  <h2 id="apps-title"><?cs var:t.applications ?></h2>
  <div class="table-scroll">
  <table class="list inventory">
    <thead><tr>
      <th scope="col"><?cs var:Lang.inventory.cols.app_type ?></th>
      <th scope="col"><?cs var:t.app_name ?></th>
      <th scope="col"><?cs var:Lang.inventory.cols.version ?></th>
      <th scope="col"><?cs var:Lang.inventory.cols.portal ?></th>
    </tr></thead>
    <tbody>
    <?cs each:a = Apps ?>
      <tr<?cs if:a.app_type == App.app_type ?> aria-current="true"<?cs /if ?>>
        <td><a href="?app=<?cs var:url_escape(a.app_type) ?>#app-details"><?cs var:a.app_type ?></a></td>
        <td><?cs var:a.app_name ?></td>
        <td><?cs var:a.version ?></td>
        <td><?cs if:a.launch_tunnel ?><?cs call:launch_button(p.account_id, p.id, a.app_type, a.launch_state) ?><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:App.app_type ?>
  <div id="app-details" class="app-details">
    <h3><?cs var:App.app_type ?></h3>
    <dl class="summary">
      <dt><?cs var:t.app_name ?></dt><dd><?cs var:App.app_name ?></dd>
      <dt><?cs var:t.version ?></dt><dd><?cs var:App.version ?></dd>
      <dt><?cs var:t.tunnels ?></dt><dd><?cs each:tn = App.tunnels ?><?cs var:tn.kind ?>: <?cs var:Lang.inventory.tunnel_states[tn.state] ?><?cs if:!last(tn) ?>, <?cs /if ?><?cs /each ?></dd>
    </dl>
  </div>
  <?cs /if ?>
</section>
<div class="actions"><a class="button secondary" href="<?cs var:Inventory.Base ?>/platforms"><?cs var:t.back ?></a></div>
<?cs /with ?>
<?cs /with ?>
<?cs /with ?>
<?cs /def ?>
