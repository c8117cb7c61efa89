<?cs # The header's account search without JavaScript (guide §1.3): the
     accounts whose name has a word starting with what was typed. The
     header's own search box (layout.cs) keeps the text. ?>
<?cs def:content() ?>
<section class="card">
  <h1><?cs var:Lang.accounts.account_search.title ?></h1>
  <?cs if:!Search.Q ?>
  <p><?cs var:Lang.accounts.account_search.hint ?></p>
  <?cs elif:subcount(Search.Rows) == 0 ?>
  <p class="empty"><?cs var:Lang.accounts.account_search.none ?></p>
  <?cs else ?>
  <ul class="search-results" aria-label="<?cs var:Lang.accounts.account_search.results ?>">
    <?cs each:a = Search.Rows ?><li><a href="/a/<?cs var:a.id ?>/info"><?cs var:a.name ?></a></li><?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
<?cs /def ?>
