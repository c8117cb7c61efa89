<?cs # SCIM Sources (ch3 §8.5): what the account pulls users from. ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/integrations/scim-sources" ?>
<section class="card">
  <h1><?cs var:Lang.integrations.scim_sources.title ?></h1>
  <p><?cs var:Lang.integrations.scim_sources.intro ?></p>
  <?cs if:Sources.CanAdd ?><p><a class="button" href="<?cs var:base ?>/new"><?cs var:Lang.integrations.scim_sources.add ?></a></p><?cs /if ?>
  <?cs if:Sources.Count ?>
  <div class="table-scroll">
  <table>
    <thead><tr>
      <th scope="col"><?cs var:Lang.integrations.scim_source_form.name ?></th>
      <th scope="col"><?cs var:Lang.integrations.scim_source_form.base_url ?></th>
      <th scope="col"><?cs var:Lang.integrations.scim_sources.last_success ?></th>
      <th scope="col"><?cs var:Lang.integrations.scim_sources.state ?></th>
    </tr></thead>
    <tbody>
    <?cs each:s = Sources.Rows ?>
      <tr data-href="<?cs var:base ?>/<?cs var:s.id ?>">
        <td><a href="<?cs var:base ?>/<?cs var:s.id ?>"><?cs var:s.name ?></a></td>
        <td><?cs var:s.base_url ?></td>
        <td><?cs if:s.last_success ?><?cs var:date_text(s.last_success) ?> UTC<?cs else ?><?cs var:Lang.integrations.scim_sources.never ?><?cs /if ?></td>
        <td><?cs if:s.last_error ?><?cs var:s.last_error ?><?cs else ?><?cs var:Lang.integrations.scim_sources.ok ?><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs else ?>
  <p class="empty"><?cs var:Lang.integrations.scim_sources.none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
