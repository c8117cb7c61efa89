<?cs # Add DID Number or Range (guide §3.1.2 Direct inward dialing). ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="did-title">
  <h1 id="did-title"><?cs var:Lang.mivb.did.add_title ?></h1>
  <form method="post" action="/a/<?cs var:Account.id ?>/mivb/dids/new">
    <?cs call:csrf() ?>
    <?cs if:Form.Errors.pbx ?><p class="error" role="alert"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
    <?cs call:field("number", Lang.mivb.did.number, "text", 0, Lang.mivb.did.number_hint) ?>
    <fieldset>
      <legend><?cs var:Lang.mivb.did.range ?></legend>
      <?cs call:field("range_start", Lang.mivb.did.range_start, "text", 0, "") ?>
      <?cs call:field("range_end", Lang.mivb.did.range_end, "text", 0, "") ?>
    </fieldset>
    <?cs call:field("target", Lang.mivb.numbers.destination_label, "text", 0, Lang.mivb.did.target_hint) ?>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/mivb/numbers#dids"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.mivb.did.add ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
