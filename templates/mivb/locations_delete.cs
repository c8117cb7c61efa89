<?cs # Delete Locations (guide §3.1.2 Locations): a location still referenced on the PBX
     stays, with the PBX's message. ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="del-title">
  <h1 id="del-title"><?cs var:Lang.mivb.locations_delete.title ?></h1>
  <?cs if:Mivb.Unavailable ?><p class="error" role="alert"><?cs var:Mivb.Unavailable ?></p><?cs /if ?>
  <form method="post" action="/a/<?cs var:Account.id ?>/mivb/locations/delete">
    <?cs call:csrf() ?>
    <?cs if:Form.Errors.pbx ?><p class="error" role="alert"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
    <?cs if:Form.Errors.ids ?><p class="error" role="alert" id="e-ids"><?cs var:Form.Errors.ids ?></p><?cs /if ?>
    <?cs if:subcount(Selected) ?>
    <p><?cs var:Lang.mivb.locations_delete.body ?></p>
    <ul><?cs each:s = Selected ?><li><?cs var:s.name ?><input type="hidden" name="ids" value="<?cs var:s.id ?>"></li><?cs /each ?></ul>
    <?cs else ?><p class="error"><?cs var:Lang.mivb.nothing_selected ?></p><?cs /if ?>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/mivb/locations"><?cs var:Lang.common.cancel ?></a>
      <?cs if:subcount(Selected) ?><button type="submit" class="danger"><?cs var:Lang.common.delete ?></button><?cs /if ?>
    </div>
  </form>
</section>
<?cs /def ?>
