<footer class="footer">
  <a href="/static/support.html"><?cs var:Lang.layout.support ?></a>
  <a href="/static/legal.html"><?cs var:Lang.layout.legal ?></a>
  <form method="get" action="<?cs var:Page.Path ?>" class="language">
    <label for="language"><?cs var:Lang.layout.language ?></label>
    <select id="language" name="lang"><option value="en" selected><?cs var:Lang.layout.english ?></option></select>
    <button type="submit" class="secondary small"><?cs var:Lang.layout.apply ?></button>
  </form>
</footer>
