<footer class="footer">
  <a href="/static/support.html"><?cs var:Lang.layout.support ?></a>
  <a href="/static/legal.html"><?cs var:Lang.layout.legal ?></a>
  <?cs # The languages that exist, each in its own words; back to this page as it is. ?>
  <form method="post" action="/language" class="language">
    <input type="hidden" name="_csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="back" value="<?cs var:Page.Back ?>">
    <label for="language"><?cs var:Lang.layout.language ?></label>
    <select id="language" name="lang"><?cs each:l = Languages ?><option value="<?cs var:l.code ?>" lang="<?cs var:l.code ?>"<?cs if:l.code == Page.Language ?> selected<?cs /if ?>><?cs var:l.name ?></option><?cs /each ?></select>
    <button type="submit" class="secondary small"><?cs var:Lang.layout.apply ?></button>
  </form>
</footer>
