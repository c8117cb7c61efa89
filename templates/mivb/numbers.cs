<?cs # MiVoice Business → Numbers (guide §3.1.2 Numbers): User extension ranges and
     Direct inward dialing (DIDs), each a section that folds, with a Table of Contents. ?>
<?cs def:content() ?>
<?cs set:base = "/a/" + Account.id + "/mivb" ?>
<div class="with-toc">
<section class="card">
  <h1><?cs var:Lang.mivb.numbers.title ?></h1>
  <p class="subtitle"><?cs var:Lang.mivb.numbers.heading ?></p>
  <?cs if:Mivb.Unavailable ?><p class="error" role="alert"><?cs var:Mivb.Unavailable ?></p><?cs /if ?>

  <details open id="ranges">
    <summary><h2><?cs var:Lang.mivb.numbers.ranges ?></h2></summary>
    <p class="hint"><?cs var:Lang.mivb.numbers.ranges_about ?></p>
    <?cs if:Numbers.Next ?><p><?cs var:Lang.mivb.numbers.next ?> <strong data-next-dn><?cs var:Numbers.Next ?></strong></p><?cs /if ?>
    <form method="get" action="<?cs var:base ?>/ranges/delete">
    <?cs if:subcount(Ranges) ?>
    <div class="table-scroll">
    <table>
      <thead><tr>
        <th scope="col"><span class="visually-hidden"><?cs var:Lang.mivb.select ?></span></th>
        <th scope="col"><?cs var:Lang.mivb.range.start ?></th>
        <th scope="col"><?cs var:Lang.mivb.range.end ?></th>
      </tr></thead>
      <tbody>
      <?cs each:g = Ranges ?>
        <tr>
          <td><input type="checkbox" name="ids" value="<?cs var:g.id ?>" aria-label="<?cs var:g.start ?>-<?cs var:g.end ?>"></td>
          <td><?cs if:Can.mivb.view ?><a href="<?cs var:base ?>/ranges/<?cs var:g.id ?>"><?cs var:g.start ?></a><?cs else ?><?cs var:g.start ?><?cs /if ?></td>
          <td><?cs var:g.end ?></td>
        </tr>
      <?cs /each ?>
      </tbody>
    </table>
    </div>
    <?cs else ?>
    <p class="empty"><?cs var:Lang.mivb.numbers.no_ranges ?></p>
    <?cs /if ?>
    <div class="actions">
      <?cs if:Can.mivb.view ?><a class="button" href="<?cs var:base ?>/ranges/new"><?cs var:Lang.mivb.numbers.add_range ?></a><?cs /if ?>
      <?cs if:Can.mivb.view && subcount(Ranges) ?><button type="submit" class="secondary"><?cs var:Lang.mivb.numbers.delete_selected ?></button><?cs /if ?>
    </div>
    </form>
  </details>

  <details open id="dids">
    <summary><h2><?cs var:Lang.mivb.numbers.dids ?></h2></summary>
    <p class="hint"><?cs var:Lang.mivb.numbers.dids_about ?></p>
    <form method="get" action="<?cs var:base ?>/numbers#dids" role="search">
      <label for="f-q" class="visually-hidden"><?cs var:Lang.common.search ?></label>
      <input type="search" id="f-q" name="q" value="<?cs var:Numbers.Q ?>" placeholder="<?cs var:Lang.common.search ?>">
      <button type="submit" class="secondary"><?cs var:Lang.common.search ?></button>
      <?cs if:Numbers.Total ?><span class="count" data-dids-total><?cs var:Numbers.Total ?></span><?cs /if ?>
    </form>
    <form method="get" action="<?cs var:base ?>/dids/delete">
    <?cs if:subcount(Dids) ?>
    <div class="table-scroll">
    <table>
      <thead><tr>
        <th scope="col"><span class="visually-hidden"><?cs var:Lang.mivb.select ?></span></th>
        <th scope="col"><?cs var:Lang.mivb.numbers.did_number ?></th>
        <th scope="col"><?cs var:Lang.mivb.numbers.destination ?></th>
        <th scope="col"><?cs var:Lang.mivb.numbers.type ?></th>
      </tr></thead>
      <tbody>
      <?cs each:d = Dids ?>
        <tr>
          <td><input type="checkbox" name="numbers" value="<?cs var:d.number ?>" aria-label="<?cs var:d.number ?>"></td>
          <td><?cs if:Can.mivb.view ?><a href="<?cs var:base ?>/did?number=<?cs var:url_escape(d.number) ?>"><?cs var:d.number ?></a><?cs else ?><?cs var:d.number ?><?cs /if ?></td>
          <td><?cs var:d.target ?></td>
          <td><?cs var:d.type ?></td>
        </tr>
      <?cs /each ?>
      </tbody>
    </table>
    </div>
    <?cs if:Numbers.More ?><p class="hint"><?cs var:Lang.mivb.numbers.more ?></p><?cs /if ?>
    <?cs elif:!Mivb.Unavailable ?>
    <p class="empty"><?cs var:Lang.mivb.numbers.no_dids ?></p>
    <?cs /if ?>
    <div class="actions">
      <?cs if:Can.mivb.view && !Mivb.Unavailable ?><a class="button" href="<?cs var:base ?>/dids/new"><?cs var:Lang.mivb.numbers.add_dids ?></a><?cs /if ?>
      <?cs if:Can.mivb.view && subcount(Dids) ?><button type="submit" class="secondary"><?cs var:Lang.mivb.numbers.delete_selected ?></button><?cs /if ?>
    </div>
    </form>
  </details>
</section>
<aside class="toc" aria-labelledby="toc-title">
  <h2 id="toc-title"><?cs var:Lang.mivb.numbers.toc ?></h2>
  <ul><li><a href="#ranges"><?cs var:Lang.mivb.numbers.ranges ?></a></li><li><a href="#dids"><?cs var:Lang.mivb.numbers.dids_short ?></a></li></ul>
</aside>
</div>
<?cs /def ?>
