<?cs # + Add new (guide §3.1; ch3 §1.2): the catalogue as a page of its own.
     Search and tabs are links and forms; with script, the cards filter as
     the search is typed (console.js). ?>
<?cs def:catalogue_keep() ?>from=<?cs var:Catalogue.From ?><?cs if:Catalogue.Q ?>&amp;q=<?cs var:url_escape(Catalogue.Q) ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section class="dialog catalogue" role="dialog" aria-labelledby="catalogue-title">
  <h1 id="catalogue-title"><?cs var:Lang.integrations.catalogue.title ?></h1>
  <form method="get" action="/a/<?cs var:Account.id ?>/integrations/add" role="search" class="catalogue-search">
    <input type="hidden" name="tab" value="<?cs var:Catalogue.Tab ?>">
    <input type="hidden" name="from" value="<?cs var:Catalogue.From ?>">
    <input type="search" name="q" value="<?cs var:Catalogue.Q ?>" autocomplete="off" data-catalogue-filter="catalogue-cards"
      placeholder="<?cs var:Lang.integrations.catalogue.search ?>" aria-label="<?cs var:Lang.integrations.catalogue.search ?>">
    <button type="submit" class="secondary"><?cs var:Lang.common.search ?></button>
  </form>
  <nav class="tabs" aria-label="<?cs var:Lang.integrations.catalogue.tabs ?>">
    <a href="/a/<?cs var:Account.id ?>/integrations/add?tab=mitel&amp;<?cs call:catalogue_keep() ?>"<?cs if:Catalogue.Tab == "mitel" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.integrations.catalogue.tab_mitel ?></a>
    <a href="/a/<?cs var:Account.id ?>/integrations/add?tab=third_party&amp;<?cs call:catalogue_keep() ?>"<?cs if:Catalogue.Tab == "third_party" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.integrations.catalogue.tab_third_party ?></a>
  </nav>
  <?cs if:Form.Errors.kind ?><p class="error" role="alert"><?cs var:Form.Errors.kind ?></p><?cs /if ?>
  <ul class="catalogue-cards" id="catalogue-cards">
  <?cs each:c = Catalogue.Cards ?>
    <li class="integration-card" data-search="<?cs var:c.name ?> <?cs var:Lang.integrations.about[c.key] ?>">
      <img class="integration-icon" src="/static/img/integrations/<?cs var:c.icon ?>.svg" alt="" width="40" height="40">
      <div class="what">
        <span class="name"><?cs var:c.name ?></span>
        <?cs if:Lang.integrations.about[c.key] ?><p class="about"><?cs var:Lang.integrations.about[c.key] ?></p><?cs /if ?>
      </div>
      <div class="controls">
      <?cs if:c.added ?>
        <?cs if:Can.integrations.delete ?>
        <details class="added-menu" data-menu>
          <summary aria-label="<?cs var:Lang.integrations.catalogue.added ?> <?cs var:c.name ?>"><?cs var:Lang.integrations.catalogue.added ?> ▾</summary>
          <div class="menu"><a href="/a/<?cs var:Account.id ?>/integrations/remove?kind=<?cs var:c.key ?>&amp;from=<?cs var:Catalogue.From ?>"><?cs var:Lang.integrations.catalogue.remove ?></a></div>
        </details>
        <?cs else ?>
        <span class="badge ok"><?cs var:Lang.integrations.catalogue.added ?></span>
        <?cs /if ?>
      <?cs else ?>
        <form method="post" action="/a/<?cs var:Account.id ?>/integrations/add" class="inline">
          <?cs call:csrf() ?>
          <input type="hidden" name="kind" value="<?cs var:c.key ?>">
          <input type="hidden" name="tab" value="<?cs var:Catalogue.Tab ?>">
          <input type="hidden" name="q" value="<?cs var:Catalogue.Q ?>">
          <input type="hidden" name="from" value="<?cs var:Catalogue.From ?>">
          <button type="submit" class="secondary" aria-label="<?cs var:Lang.integrations.catalogue.add ?> <?cs var:c.name ?>"><?cs var:Lang.integrations.catalogue.add ?></button>
        </form>
      <?cs /if ?>
      </div>
    </li>
  <?cs /each ?>
  </ul>
  <p class="empty" data-catalogue-empty<?cs if:subcount(Catalogue.Cards) > 0 ?> hidden<?cs /if ?>><?cs var:Lang.integrations.catalogue.none ?></p>
  <div class="actions"><a class="button" href="<?cs var:Catalogue.Done ?>"><?cs var:Lang.integrations.catalogue.done ?></a></div>
</section>
<?cs /def ?>
