<?cs # User Management → User Templates (guide §3.1.3.2): NAME, DESCRIPTION, PRODUCTS. ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/user-templates" ?>
<section class="card">
  <h1><?cs var:Lang.user_templates.list.title ?></h1>
  <?cs if:Can.user_templates.add ?><p><a class="button" href="<?cs var:base ?>/new"><?cs var:Lang.user_templates.list.create ?></a></p><?cs /if ?>
  <?cs if:subcount(Templates) ?>
  <div class="table-scroll">
  <table>
    <thead><tr>
      <th scope="col"><?cs var:Lang.user_templates.list.name ?></th>
      <th scope="col"><?cs var:Lang.user_templates.list.description ?></th>
      <th scope="col"><?cs var:Lang.user_templates.list.products ?></th>
      <?cs if:Can.user_templates.delete ?><th scope="col"><span class="visually-hidden"><?cs var:Lang.common.delete ?></span></th><?cs /if ?>
    </tr></thead>
    <tbody>
    <?cs each:t = Templates ?>
      <tr>
        <td><a href="<?cs var:base ?>/<?cs var:t.id ?>"><?cs var:t.name ?></a></td>
        <td><?cs var:t.description ?></td>
        <td><?cs if:t.mivb ?><img src="/static/img/integrations/mivb.svg" alt="<?cs var:Lang.mivb.nav ?>" title="<?cs var:Lang.mivb.nav ?>" width="24" height="24"><?cs /if ?></td>
        <?cs if:Can.user_templates.delete ?><td><a href="<?cs var:base ?>/<?cs var:t.id ?>/delete"><?cs var:Lang.common.delete ?></a></td><?cs /if ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs else ?>
  <p class="empty"><?cs var:Lang.user_templates.list.none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
