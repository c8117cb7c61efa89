<?cs # Add Locations (guide §3.1.2 Locations): one name a line; the script makes each a chip on Enter. ?>
<?cs def:content() ?>
<section class="dialog" role="dialog" aria-labelledby="loc-title">
  <h1 id="loc-title"><?cs var:Lang.mivb.locations_new.title ?></h1>
  <form method="post" action="/a/<?cs var:Account.id ?>/mivb/locations/new">
    <?cs call:csrf() ?>
    <?cs if:Form.Errors.pbx ?><p class="error" role="alert"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
    <div class="field<?cs if:Form.Errors.names ?> has-error<?cs /if ?>">
      <label for="f-names"><?cs var:Lang.mivb.locations_new.names ?> <span class="req" aria-hidden="true">*</span></label>
      <textarea id="f-names" name="names" rows="4" aria-required="true" aria-describedby="h-names<?cs if:Form.Errors.names ?> e-names<?cs /if ?>"<?cs
        if:Form.Errors.names ?> aria-invalid="true"<?cs /if ?> data-chips data-remove-label="<?cs var:Lang.mivb.chip_remove ?>" data-edit-label="<?cs var:Lang.mivb.chip_edit ?>"><?cs var:Form.Values.names ?></textarea>
      <p class="hint" id="h-names"><?cs var:Lang.mivb.locations_new.hint ?></p>
      <?cs if:Form.Errors.names ?><p class="error" id="e-names"><?cs var:Form.Errors.names ?></p><?cs /if ?>
    </div>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/mivb/locations"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
