<?cs # Add Range / Edit Range's fields (guide §3.1.2 User extension ranges). ?>
<?cs def:range_form(action, title, button) ?>
<section class="dialog" role="dialog" aria-labelledby="range-title">
  <h1 id="range-title"><?cs var:title ?></h1>
  <form method="post" action="<?cs var:action ?>">
    <?cs call:csrf() ?>
    <?cs call:field("start", Lang.mivb.range.start, "text", 1, "") ?>
    <?cs call:field("end", Lang.mivb.range.end, "text", 1, "") ?>
    <div class="actions">
      <a class="button secondary" href="/a/<?cs var:Account.id ?>/mivb/numbers"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:button ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
