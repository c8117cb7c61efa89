<?cs # The gateway's settings and tools (cgi-bin/gateway/controls.c): the
     wizard's Advanced tab and the Gateway support page (guide §2.11). ?>

<?cs def:command_form(action) ?>
<?cs call:csrf() ?>
<input type="hidden" name="action" value="<?cs var:action ?>">
<input type="hidden" name="from" value="<?cs var:Controls.from ?>">
<?cs /def ?>

<?cs def:gateway_controls() ?>
<?cs with:t = Lang.gateway.controls ?>
<?cs set:live = Controls.reachable && Controls.can ?>
<?cs if:!Controls.reachable ?>
<div class="flash flash-error" role="alert">
  <p><?cs var:t.unreachable ?></p>
  <p><a href="<?cs var:Controls.integration_href ?>"><?cs var:t.unreachable_link ?></a></p>
</div>
<?cs /if ?>
<?cs if:Form.Errors.action ?><p class="flash flash-error" role="alert" id="e-action"><?cs var:Form.Errors.action ?></p><?cs /if ?>
<?cs if:Controls.known ?>
<?cs if:!Controls.reachable ?><p class="hint"><?cs var:t.last_known ?> <?cs var:date_text(Gateway.last_seen) ?> UTC.</p><?cs /if ?>
<section class="card" aria-labelledby="sw-heading">
  <h2 id="sw-heading"><?cs var:t.software ?></h2>
  <?cs call:readonly(t.appliance, t.kinds[Gateway.kind] + " · " + t.platforms[Gateway.platform]) ?>
  <?cs call:readonly(t.serial, Gateway.serial) ?>
  <?cs call:readonly(t.ip_address, Gateway.ip_address) ?>
  <?cs call:readonly(t.current, Gateway.version) ?>
  <?cs if:Gateway.update_available ?><?cs call:readonly(t.available, Gateway.available_version) ?><?cs
  else ?><?cs call:readonly(t.available, t.up_to_date) ?><?cs /if ?>
  <form method="post" action="<?cs var:Controls.action ?>" class="inline-form" novalidate>
    <?cs call:command_form("schedule") ?>
    <h3><?cs var:t.schedule ?></h3>
    <div class="form-grid">
      <div class="field<?cs if:Form.Errors.day ?> has-error<?cs /if ?>">
        <label for="f-day"><?cs var:t.day ?></label>
        <select id="f-day" name="day"<?cs if:Form.Errors.day ?> aria-invalid="true" aria-describedby="e-day"<?cs /if ?>>
          <?cs if:!Form.Values.day ?><option value=""><?cs var:t.no_schedule ?></option><?cs /if ?>
          <?cs each:d = t.days ?><option value="<?cs name:d ?>"<?cs if:name(d) == Form.Values.day ?> selected<?cs /if ?>><?cs var:d ?></option><?cs /each ?>
        </select>
        <?cs if:Form.Errors.day ?><p class="error" id="e-day"><?cs var:Form.Errors.day ?></p><?cs /if ?>
      </div>
      <?cs call:field("time", t.time, "text", 0, "HH:MM") ?>
    </div>
    <div class="actions"><button type="submit" class="secondary"<?cs if:!live ?> disabled<?cs /if ?>><?cs var:t.save_schedule ?></button></div>
  </form>
  <?cs if:Gateway.update_available ?>
  <form method="post" action="<?cs var:Controls.action ?>">
    <?cs call:command_form("update_now") ?>
    <div class="actions"><button type="submit"<?cs if:!live ?> disabled<?cs /if ?>><?cs var:t.update_now ?></button></div>
  </form>
  <?cs /if ?>
</section>
<section class="card" aria-labelledby="logs-heading">
  <h2 id="logs-heading"><?cs var:t.logs ?></h2>
  <?cs if:Controls.logs ?><pre class="gateway-text" tabindex="0"><?cs var:Controls.logs ?></pre><?cs else ?><p class="hint"><?cs var:t.logs_none ?></p><?cs /if ?>
  <div class="actions"><a class="button secondary" href="<?cs var:Controls.action ?>/download?file=logs"><?cs var:t.download ?></a></div>
</section>
<section class="card" aria-labelledby="trace-heading">
  <h2 id="trace-heading"><?cs var:t.trace ?></h2>
  <?cs if:Gateway.call_trace == "running" ?><?cs call:readonly(t.trace_state, t.trace_running) ?><?cs else ?><?cs call:readonly(t.trace_state, t.trace_off) ?><?cs /if ?>
  <?cs if:Gateway.call_trace == "running" ?>
  <form method="post" action="<?cs var:Controls.action ?>">
    <?cs call:command_form("trace_stop") ?>
    <div class="actions"><button type="submit" class="secondary"<?cs if:!live ?> disabled<?cs /if ?>><?cs var:t.stop ?></button></div>
  </form>
  <?cs else ?>
  <form method="post" action="<?cs var:Controls.action ?>" novalidate>
    <?cs call:command_form("trace_start") ?>
    <?cs call:field("minutes", t.minutes, "text", 0, "") ?>
    <div class="actions"><button type="submit" class="secondary"<?cs if:!live ?> disabled<?cs /if ?>><?cs var:t.start ?></button></div>
  </form>
  <?cs /if ?>
  <?cs if:Controls.trace ?><pre class="gateway-text" tabindex="0"><?cs var:Controls.trace ?></pre><?cs else ?><p class="hint"><?cs var:t.trace_none ?></p><?cs /if ?>
  <div class="actions"><a class="button secondary" href="<?cs var:Controls.action ?>/download?file=trace"><?cs var:t.download ?></a></div>
</section>
<section class="card" aria-labelledby="system-heading">
  <h2 id="system-heading"><?cs var:t.system ?></h2>
  <div class="actions start">
    <?cs if:live ?><a class="button secondary" href="<?cs var:Controls.reboot_href ?>"><?cs var:t.reboot ?></a><?cs
    else ?><button type="button" class="secondary" disabled><?cs var:t.reboot ?></button><?cs /if ?>
    <?cs if:Wizard.remove_href ?><a class="button danger" href="<?cs var:Wizard.remove_href ?>"><?cs var:t.factory_reset ?></a><?cs /if ?>
  </div>
  <?cs if:Wizard.remove_href ?><p class="hint"><?cs var:t.factory_hint ?></p><?cs /if ?>
</section>
<?cs if:subcount(Commands) > 0 ?>
<section class="card" aria-labelledby="commands-heading">
  <h2 id="commands-heading"><?cs var:t.commands_heading ?></h2>
  <div class="table-scroll">
  <table class="list" aria-labelledby="commands-heading">
    <thead><tr><th scope="col"><?cs var:t.col_command ?></th><th scope="col"><?cs var:t.col_by ?></th><th scope="col"><?cs var:t.col_when ?></th>
      <th scope="col"><?cs var:t.col_state ?></th><th scope="col"><?cs var:t.col_result ?></th></tr></thead>
    <tbody>
    <?cs each:c = Commands ?><tr><td><?cs var:c.kind ?></td><td><?cs var:c.created_by ?></td><td><?cs var:date_text(c.created) ?></td><td><?cs var:c.state ?></td><td><?cs var:c.result ?></td></tr><?cs /each ?>
    </tbody>
  </table>
  </div>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs /with ?>
<?cs /def ?>
