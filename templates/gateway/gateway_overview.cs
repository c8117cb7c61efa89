<?cs include:"gateway/wizard.cs" ?>
<?cs def:shown(label, value) ?><?cs if:value ?><?cs call:readonly(label, value) ?><?cs else ?><?cs call:readonly(label, "—") ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<?cs call:wizard_head() ?>
<?cs with:t = Lang.gateway.gateway_overview ?>
<section class="card overview" aria-labelledby="ov-status">
  <h2 id="ov-status"><?cs var:t.status ?></h2>
  <?cs call:status_line(Status) ?>
  <h3><?cs var:t.warnings ?></h3>
  <?cs if:Status.level == "error" || Status.warning || Status.alert ?>
  <ul class="warnings">
    <?cs if:Status.level == "error" ?><li class="level-error"><?cs var:Status.text ?></li><?cs /if ?>
    <?cs if:Status.warning ?><li><?cs var:Status.warning ?></li><?cs /if ?>
    <?cs if:Status.alert ?><li><?cs var:Status.alert ?></li><?cs /if ?>
  </ul>
  <?cs else ?><p><?cs var:t.none ?></p><?cs /if ?>
</section>
<section class="card overview" aria-labelledby="ov-site">
  <h2 id="ov-site"><?cs var:t.site ?></h2>
  <?cs if:Site.site_name ?>
    <?cs call:readonly(t.site_name, Site.site_name) ?>
    <?cs call:shown(t.address, Site.address) ?>
    <?cs call:readonly(t.city, Site.city) ?>
    <?cs call:readonly(t.province, Site.province) ?>
    <?cs call:readonly(t.country, Site.country) ?>
    <?cs call:readonly(t.postal_code, Site.postal_code) ?>
    <h3><?cs var:t.ethernet ?></h3>
    <?cs if:Site.dhcp ?>
      <?cs call:readonly(t.mode, Lang.gateway.gateway_site.dhcp) ?>
    <?cs else ?>
      <?cs call:readonly(t.mode, Lang.gateway.gateway_site.static) ?>
      <?cs call:readonly(t.ip_address, Site.ip_address) ?>
      <?cs call:readonly(t.subnet_mask, Site.subnet_mask) ?>
      <?cs call:readonly(t.default_gateway, Site.default_gateway) ?>
      <?cs call:readonly(t.dns, Site.dns) ?>
    <?cs /if ?>
  <?cs else ?><p><?cs var:t.not_yet ?></p><?cs /if ?>
</section>
<section class="card overview" aria-labelledby="ov-gateway">
  <h2 id="ov-gateway"><?cs var:t.gateway ?></h2>
  <?cs if:Gateway.serial ?>
    <?cs call:readonly(t.serial, Gateway.serial) ?>
    <?cs call:readonly(t.appliance, Lang.gateway.controls.kinds[Gateway.kind] + " · " + Lang.gateway.controls.platforms[Gateway.platform]) ?>
    <?cs call:readonly(t.version, Gateway.version) ?>
    <?cs if:Gateway.update_available ?><?cs call:readonly(t.available_version, Gateway.available_version) ?><?cs /if ?>
    <?cs call:shown(t.ip_address, Gateway.ip_address) ?>
    <?cs if:Gateway.seen ?><?cs call:readonly(t.last_report, date_text(Gateway.last_seen) + " UTC") ?><?cs else ?><?cs call:readonly(t.last_report, t.never) ?><?cs /if ?>
    <?cs if:Gateway.online ?><?cs call:readonly(t.status, t.reachable) ?><?cs else ?><?cs call:readonly(t.status, t.unreachable) ?><?cs /if ?>
  <?cs else ?><p><?cs var:t.not_yet ?></p><?cs /if ?>
</section>
<section class="card overview" aria-labelledby="ov-pbx">
  <h2 id="ov-pbx"><?cs var:t.pbx ?></h2>
  <?cs if:Link.name ?>
    <?cs call:readonly(t.pbx_type, Link.type_label) ?>
    <?cs call:readonly(t.pbx_name, Link.name) ?>
    <?cs call:readonly(t.address, Link.host + ":" + Link.port) ?>
    <?cs call:readonly(t.username, Link.username) ?>
    <?cs call:readonly(t.password, Lang.gateway.gateway_pbx.hidden) ?>
    <?cs if:Link.mbg_host ?><?cs call:readonly(t.mbg, Link.mbg_host) ?><?cs /if ?>
    <?cs if:Link.micollab_host ?><?cs call:readonly(t.micollab, Link.micollab_host) ?><?cs /if ?>
    <?cs call:readonly(t.schedule, Link.sync_minutes) ?>
    <?cs call:shown(t.pbx_version, Link.pbx_version) ?>
  <?cs else ?><p><?cs var:t.not_yet ?></p><?cs /if ?>
</section>
<?cs if:Link.name ?>
<section class="card overview" aria-labelledby="ov-sync">
  <h2 id="ov-sync"><?cs var:t.last_sync ?></h2>
  <?cs if:Link.last_attempt ?><?cs call:readonly(t.last_attempt, date_text(Link.last_attempt) + " UTC") ?><?cs else ?><?cs call:readonly(t.last_attempt, t.never) ?><?cs /if ?>
  <?cs if:Link.last_success ?><?cs call:readonly(t.last_success, date_text(Link.last_success) + " UTC") ?><?cs else ?><?cs call:readonly(t.last_success, t.never) ?><?cs /if ?>
  <?cs if:Link.last_error ?><?cs call:readonly(t.last_error, Link.last_error) ?><?cs /if ?>
  <?cs if:Link.result.known ?>
    <?cs if:Link.result.unchanged ?><?cs call:readonly(t.result, t.unchanged) ?><?cs
    else ?><?cs call:readonly(t.result, Link.result.added + " " + t.added + ", " + Link.result.changed + " " + t.changed + ", " + Link.result.removed + " " + t.removed + ", " + Link.result.logins_added + " " + t.logins_added + ", " + Link.result.logins_removed + " " + t.logins_removed + ", " + Link.result.unlinked + " " + t.unlinked) ?><?cs /if ?>
  <?cs /if ?>
  <h3><?cs var:t.counts ?></h3>
  <dl class="summary counts">
    <dt><?cs var:t.users ?></dt><dd><?cs var:number_text(Link.users) ?></dd>
    <dt><?cs var:t.dids ?></dt><dd><?cs var:Link.dids ?></dd>
    <dt><?cs var:t.no_email ?></dt><dd><?cs var:Link.no_email ?></dd>
    <dt><?cs var:t.dup_email ?></dt><dd><?cs var:Link.dup_email ?></dd>
  </dl>
</section>
<?cs /if ?>
<?cs /with ?>
<?cs /def ?>
