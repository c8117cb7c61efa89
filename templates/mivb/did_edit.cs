<?cs # Edit Direct Inward Dialing (DID) Number (guide §3.1.2): its destination, with the
     PBX's change token of the value read; a value changed on the PBX since asks for a reload. ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="did-title">
  <h1 id="did-title"><?cs var:Lang.mivb.did.edit_title ?></h1>
  <?cs if:Mivb.Unavailable ?><p class="error" role="alert"><?cs var:Mivb.Unavailable ?></p><?cs /if ?>
  <form method="post" action="/a/<?cs var:Account.id ?>/mivb/did">
    <?cs call:csrf() ?>
    <?cs if:Form.Errors.pbx ?><p class="error" role="alert"><?cs var:Form.Errors.pbx ?><?cs
      if:Mivb.Reload ?> <a href="/a/<?cs var:Account.id ?>/mivb/did?number=<?cs var:url_escape(Did.number) ?>"><?cs var:Lang.mivb.reload ?></a><?cs /if ?></p><?cs /if ?>
    <?cs call:readonly(Lang.mivb.numbers.did_number, Did.number) ?>
    <input type="hidden" name="number" value="<?cs var:Did.number ?>">
    <input type="hidden" name="token" value="<?cs var:Form.Values.token ?>">
    <?cs if:Form.Errors.number ?><p class="error"><?cs var:Form.Errors.number ?></p><?cs /if ?>
    <?cs call:field("target", Lang.mivb.numbers.destination_label, "text", 0, Lang.mivb.did.target_hint) ?>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/mivb/numbers#dids"><?cs var:Lang.common.cancel ?></a>
      <?cs if:Did.found || Form.Values.token ?><button type="submit"><?cs var:Lang.common.save ?></button><?cs /if ?>
    </div>
  </form>
</section>
<?cs /def ?>
