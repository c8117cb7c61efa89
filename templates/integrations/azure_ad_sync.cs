<?cs # Azure AD Sync (guide §3.2.6): the keys for Entra's SCIM provisioning
     and the Provisioning activity. Sync.Token is set only on the response
     to Generate keys: the token is shown that once. ?>
<?cs def:content() ?>
<section class="dialog wide" role="dialog" aria-labelledby="sync-title">
  <h1 id="sync-title"><?cs var:Lang.integrations.azure_ad_sync.title ?></h1>
  <p><?cs var:Lang.integrations.azure_ad_sync.intro ?></p>
  <p><?cs var:Lang.integrations.azure_ad_sync.side_by_side ?></p>

  <?cs if:Sync.Token ?>
  <p role="status"><?cs var:Lang.integrations.azure_ad_sync.copy_values ?></p>
  <?cs /if ?>
  <dl class="keys">
    <dt><?cs var:Lang.integrations.azure_ad_sync.tenant_url ?></dt>
    <dd><code id="tenant-url"><?cs var:Sync.TenantURL ?></code>
      <button type="button" class="secondary small" data-copy="<?cs var:Sync.TenantURL ?>" data-copied="<?cs var:Lang.common.copied ?>"
        aria-label="<?cs var:Lang.integrations.azure_ad_sync.copy_url ?>"><?cs var:Lang.common.copy ?></button></dd>
    <?cs if:Sync.Token ?>
    <dt><?cs var:Lang.integrations.azure_ad_sync.secret_token ?></dt>
    <dd><code id="secret-token"><?cs var:Sync.Token ?></code>
      <button type="button" class="secondary small" data-copy="<?cs var:Sync.Token ?>" data-copied="<?cs var:Lang.common.copied ?>"
        aria-label="<?cs var:Lang.integrations.azure_ad_sync.copy_token ?>"><?cs var:Lang.common.copy ?></button></dd>
    <?cs elif:Sync.SetUp ?>
    <dt><?cs var:Lang.integrations.azure_ad_sync.secret_token ?></dt>
    <dd><?cs var:Lang.integrations.azure_ad_sync.generated_on ?> <?cs var:date_text(Sync.GeneratedAt) ?> UTC<?cs
      if:Sync.GeneratedBy ?> (<?cs var:Sync.GeneratedBy ?>)<?cs /if ?>. <?cs var:Lang.integrations.azure_ad_sync.token_hidden ?></dd>
    <?cs /if ?>
  </dl>
  <?cs if:Sync.Token ?><p class="hint"><?cs var:Lang.integrations.azure_ad_sync.shown_once ?></p><?cs /if ?>

  <p><?cs var:Lang.integrations.azure_ad_sync.press_generate ?></p>
  <?cs if:Sync.SetUp ?><p class="hint"><?cs var:Lang.integrations.azure_ad_sync.regenerate_note ?></p><?cs /if ?>
  <div class="actions">
    <?cs if:Sync.CanEdit ?>
    <form method="post" action="/a/<?cs var:Account.id ?>/integrations/azure-ad-sync/keys">
      <?cs call:csrf() ?>
      <button type="submit"><?cs var:Lang.integrations.azure_ad_sync.generate ?></button>
    </form>
    <?cs /if ?>
    <?cs if:Sync.CanDelete ?>
    <a class="button secondary danger" href="/a/<?cs var:Account.id ?>/integrations/azure-ad-sync/remove"><?cs var:Lang.integrations.azure_ad_sync.remove ?></a>
    <?cs /if ?>
    <a class="button secondary" href="/a/<?cs var:Account.id ?>/info"><?cs var:Lang.integrations.azure_ad_sync.done ?></a>
  </div>

  <section class="activity" aria-labelledby="activity-title">
    <h2 id="activity-title"><?cs var:Lang.integrations.azure_ad_sync.activity ?></h2>
    <p><?cs var:Lang.integrations.azure_ad_sync.last_request ?>: <?cs if:Sync.LastRequest ?><?cs var:date_text(Sync.LastRequest) ?> UTC<?cs else ?><?cs var:Lang.integrations.azure_ad_sync.never ?><?cs /if ?></p>
    <table class="counts">
      <caption><?cs var:Lang.integrations.azure_ad_sync.last_24h ?></caption>
      <tr><th scope="row"><?cs var:Lang.integrations.azure_ad_sync.created ?></th><td><?cs var:number_text(Activity.Created) ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.azure_ad_sync.updated ?></th><td><?cs var:number_text(Activity.Updated) ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.azure_ad_sync.deactivated ?></th><td><?cs var:number_text(Activity.Deactivated) ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.azure_ad_sync.deleted ?></th><td><?cs var:number_text(Activity.Deleted) ?></td></tr>
      <tr><th scope="row"><?cs var:Lang.integrations.azure_ad_sync.failed ?></th><td><?cs var:number_text(Activity.Failed) ?></td></tr>
    </table>
    <?cs if:Activity.ErrorCount ?>
    <div class="table-scroll">
    <table class="errors">
      <caption><?cs var:Lang.integrations.azure_ad_sync.last_errors ?></caption>
      <thead><tr>
        <th scope="col"><?cs var:Lang.integrations.azure_ad_sync.when ?></th>
        <th scope="col"><?cs var:Lang.integrations.azure_ad_sync.request ?></th>
        <th scope="col"><?cs var:Lang.integrations.azure_ad_sync.status ?></th>
        <th scope="col"><?cs var:Lang.integrations.azure_ad_sync.detail ?></th>
      </tr></thead>
      <tbody>
      <?cs each:e = Activity.Errors ?>
        <tr><td><?cs var:date_text(e.at) ?></td><td><?cs var:e.method ?> <?cs var:e.path ?></td>
          <td><?cs var:e.status ?><?cs if:e.scim_type ?> <?cs var:e.scim_type ?><?cs /if ?></td><td><?cs var:e.detail ?></td></tr>
      <?cs /each ?>
      </tbody>
    </table>
    </div>
    <?cs else ?>
    <p class="empty"><?cs var:Lang.integrations.azure_ad_sync.no_errors ?></p>
    <?cs /if ?>
  </section>
  <p><a href="/a/<?cs var:Account.id ?>/users/phone-conflicts"><?cs var:Lang.integrations.azure_ad_sync.conflict_link ?></a></p>
</section>
<?cs /def ?>
