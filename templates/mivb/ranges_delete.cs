<?cs # Delete selected numbers (guide §3.1.2 User extension ranges). ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="del-title">
  <h1 id="del-title"><?cs var:Lang.mivb.ranges_delete.title ?></h1>
  <form method="post" action="/a/<?cs var:Account.id ?>/mivb/ranges/delete">
    <?cs call:csrf() ?>
    <?cs if:subcount(Selected) ?>
    <p><?cs var:Lang.mivb.ranges_delete.body ?></p>
    <ul><?cs each:s = Selected ?><li><?cs var:s.name ?><input type="hidden" name="ids" value="<?cs var:s.id ?>"></li><?cs /each ?></ul>
    <?cs else ?><p class="error"><?cs var:Lang.mivb.nothing_selected ?></p><?cs /if ?>
    <?cs if:Form.Errors.ids ?><p class="error" role="alert"><?cs var:Form.Errors.ids ?></p><?cs /if ?>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/mivb/numbers"><?cs var:Lang.common.cancel ?></a>
      <?cs if:subcount(Selected) ?><button type="submit" class="danger"><?cs var:Lang.common.delete ?></button><?cs /if ?>
    </div>
  </form>
</section>
<?cs /def ?>
