<?cs # Remove Azure AD Sync Integration (ch3 §0.3): Cancel or Remove integration. ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="remove-title">
  <h1 id="remove-title"><?cs var:Lang.integrations.azure_ad_sync_remove.title ?></h1>
  <p><?cs var:Lang.integrations.azure_ad_sync_remove.body ?></p>
  <form method="post" action="/a/<?cs var:Account.id ?>/integrations/azure-ad-sync/remove">
    <?cs call:csrf() ?>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/integrations/azure-ad-sync"><?cs var:Lang.common.cancel ?></a>
      <button type="submit" class="danger"><?cs var:Lang.integrations.azure_ad_sync_remove.remove ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
