<?cs # Phone Number Conflict Search (guide §3.2.6): find who holds a phone
     number, active or not, and delete them. ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="conflicts-title">
  <h1 id="conflicts-title"><?cs var:Lang.integrations.azure_ad_sync_conflicts.title ?></h1>
  <form method="get" action="/a/<?cs var:Account.id ?>/users/phone-conflicts" role="search" class="search">
    <label for="f-phone"><?cs var:Lang.integrations.azure_ad_sync_conflicts.phone ?></label>
    <input id="f-phone" name="phone" type="search" value="<?cs var:Conflicts.Phone ?>" autocomplete="off">
    <button type="submit"><?cs var:Lang.common.search ?></button>
  </form>
  <?cs each:u = Conflicts.Rows ?>
  <article class="card conflict">
    <h2><?cs var:u.name ?></h2>
    <p><?cs var:Lang.integrations.azure_ad_sync_conflicts.status ?> <?cs if:u.active ?><?cs var:Lang.integrations.azure_ad_sync_conflicts.active ?><?cs else ?><?cs var:Lang.integrations.azure_ad_sync_conflicts.inactive ?><?cs /if ?></p>
    <p><?cs var:Lang.integrations.azure_ad_sync_conflicts.username ?> <?cs var:u.email ?></p>
    <p><?cs var:Lang.integrations.azure_ad_sync_conflicts.phone_label ?> <?cs var:u.phone ?></p>
    <?cs if:Conflicts.CanDelete ?><a class="button danger" href="/a/<?cs var:Account.id ?>/users/<?cs var:u.id ?>/delete"><?cs var:Lang.common.delete ?></a><?cs /if ?>
  </article>
  <?cs /each ?>
  <?cs if:Conflicts.Searched && !Conflicts.Count ?><p class="empty"><?cs var:Lang.integrations.azure_ad_sync_conflicts.none ?></p><?cs /if ?>
  <p><a href="/a/<?cs var:Account.id ?>/users"><?cs var:Lang.common.back ?></a></p>
</section>
<?cs /def ?>
