<?cs # MiVoice Business → Locations (guide §3.1.2 Locations). ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/mivb/locations" ?>
<section class="card">
  <h1><?cs var:Lang.mivb.locations.title ?></h1>
  <?cs if:Mivb.Unavailable ?><p class="error" role="alert"><?cs var:Mivb.Unavailable ?></p><?cs /if ?>
  <form method="get" action="<?cs var:base ?>/delete">
    <?cs if:subcount(Locations) ?>
    <div class="table-scroll">
    <table>
      <thead><tr>
        <th scope="col"><span class="visually-hidden"><?cs var:Lang.mivb.select ?></span></th>
        <th scope="col"><?cs var:Lang.mivb.locations.name ?></th>
      </tr></thead>
      <tbody>
      <?cs each:l = Locations ?>
        <tr><td><input type="checkbox" name="ids" value="<?cs var:l.id ?>" aria-label="<?cs var:l.name ?>" data-shows-delete></td><td><?cs var:l.name ?></td></tr>
      <?cs /each ?>
      </tbody>
    </table>
    </div>
    <?cs elif:!Mivb.Unavailable ?><p class="empty"><?cs var:Lang.mivb.locations.none ?></p><?cs /if ?>
    <div class="actions">
      <?cs if:Can.mivb.view && !Mivb.Unavailable ?><a class="button" href="<?cs var:base ?>/new"><?cs var:Lang.mivb.locations.add ?></a><?cs /if ?>
      <?cs if:Can.mivb.view && subcount(Locations) ?><button type="submit" class="secondary" data-delete-selected><?cs var:Lang.mivb.locations.delete_selected ?></button><?cs /if ?>
    </div>
  </form>
</section>
<?cs /def ?>
