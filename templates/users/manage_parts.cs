<?cs # The selection (or the filter, for "all") travels with every form of the panel. ?>
<?cs def:manage_hidden() ?>
  <?cs each:id = Manage.Ids ?><input type="hidden" name="ids" value="<?cs var:id ?>"><?cs /each ?>
  <input type="hidden" name="scope" value="<?cs if:Manage.All ?>all<?cs else ?>selected<?cs /if ?>">
  <?cs if:Filter.property ?><input type="hidden" name="property" value="<?cs var:Filter.property ?>"><?cs /if ?>
  <?cs if:Filter.product ?><input type="hidden" name="product" value="<?cs var:Filter.product ?>"><?cs /if ?>
  <?cs if:Filter.group ?><input type="hidden" name="group" value="<?cs var:Filter.group ?>"><?cs /if ?>
  <?cs if:Filter.sms ?><input type="hidden" name="sms" value="<?cs var:Filter.sms ?>"><?cs /if ?>
  <?cs if:Filter.q ?><input type="hidden" name="q" value="<?cs var:Filter.q ?>"><?cs /if ?>
<?cs /def ?>
