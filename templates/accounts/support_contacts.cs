<?cs def:content() ?>
<section class="card">
  <h1><?cs var:Lang.accounts.support_contacts.title ?></h1>
  <form method="get" action="/support-contacts" role="search" class="search">
    <input type="search" name="q" value="<?cs var:List.Q ?>" autocomplete="off"
      aria-label="<?cs var:Lang.accounts.support_contacts.search_label ?>" placeholder="<?cs var:Lang.common.search ?>">
    <button type="submit"><?cs var:Lang.common.search ?></button>
  </form>
  <ul id="contact-suggestions" class="suggestions" aria-label="<?cs var:Lang.accounts.support_contacts.results ?>">
  <?cs each:u = Rows ?>
    <li data-email="<?cs var:u.email ?>" data-name="<?cs var:u.name ?>"><?cs var:u.name ?> <span class="hint"><?cs var:u.email ?></span></li>
  <?cs /each ?>
  </ul>
  <?cs if:List.Q && subcount(Rows) == 0 ?><p class="empty"><?cs var:Lang.accounts.support_contacts.none ?></p><?cs /if ?>
</section>
<?cs /def ?>
