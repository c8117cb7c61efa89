<?cs # MiVoice Business → Tools (guide §3.1.2): Sync MiVoice Business to MiCollab. ?>
<?cs def:content() ?>
<section class="card">
  <h1><?cs var:Lang.mivb.tools.title ?></h1>
  <h2><?cs var:Lang.mivb.tools.sync_title ?></h2>
  <p class="hint"><?cs var:Lang.mivb.tools.about ?></p>
  <?cs if:Mivb.Unavailable ?><p class="error" role="alert"><?cs var:Mivb.Unavailable ?></p><?cs /if ?>
  <?cs if:Form.Errors.pbx ?><p class="error" role="alert"><?cs var:Form.Errors.pbx ?></p><?cs /if ?>
  <?cs if:Form.Errors.ids ?><p class="error" role="alert" id="e-ids"><?cs var:Form.Errors.ids ?></p><?cs /if ?>
  <?cs if:subcount(Items) ?>
  <form method="post" action="/a/<?cs var:Account.id ?>/mivb/tools">
    <?cs call:csrf() ?>
    <div class="table-scroll">
    <table>
      <thead><tr>
        <th scope="col"><span class="visually-hidden"><?cs var:Lang.mivb.select ?></span></th>
        <th scope="col"><?cs var:Lang.mivb.tools.name ?></th>
        <th scope="col"><?cs var:Lang.mivb.tools.last_sync ?></th>
        <th scope="col"><span class="visually-hidden"><?cs var:Lang.mivb.tools.sync ?></span></th>
      </tr></thead>
      <tbody>
      <?cs each:it = Items ?>
        <tr>
          <td><input type="checkbox" name="ids" value="<?cs var:it.id ?>" aria-label="<?cs var:it.name ?>"></td>
          <td><?cs var:it.name ?></td>
          <td><?cs if:it.synced ?><?cs var:date_text(it.synced) ?><?cs else ?><?cs var:Lang.mivb.tools.never ?><?cs /if ?></td>
          <td><button type="submit" name="one" value="<?cs var:it.id ?>" formnovalidate class="secondary" aria-label="<?cs var:Lang.mivb.tools.sync ?> <?cs var:it.name ?>"><?cs var:Lang.mivb.tools.sync ?></button></td>
        </tr>
      <?cs /each ?>
      </tbody>
    </table>
    </div>
    <div class="actions"><button type="submit"><?cs var:Lang.mivb.tools.sync_selected ?></button></div>
  </form>
  <?cs /if ?>
</section>
<?cs /def ?>
