<?cs # Delete selected number(s) (guide §3.1.2 Direct inward dialing). ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="del-title">
  <h1 id="del-title"><?cs var:Lang.mivb.dids_delete.title ?></h1>
  <form method="post" action="/a/<?cs var:Account.id ?>/mivb/dids/delete">
    <?cs call:csrf() ?>
    <?cs if:Form.Errors.pbx ?><p class="error" role="alert"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
    <?cs if:Form.Errors.numbers ?><p class="error" role="alert"><?cs var:Form.Errors.numbers ?></p><?cs /if ?>
    <?cs if:subcount(Selected) ?>
    <p><?cs var:Lang.mivb.dids_delete.body ?></p>
    <ul><?cs each:s = Selected ?><li><?cs var:s ?><input type="hidden" name="numbers" value="<?cs var:s ?>"></li><?cs /each ?></ul>
    <?cs else ?><p class="error"><?cs var:Lang.mivb.nothing_selected ?></p><?cs /if ?>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/mivb/numbers#dids"><?cs var:Lang.common.cancel ?></a>
      <?cs if:subcount(Selected) ?><button type="submit" class="danger"><?cs var:Lang.common.delete ?></button><?cs /if ?>
    </div>
  </form>
</section>
<?cs /def ?>
