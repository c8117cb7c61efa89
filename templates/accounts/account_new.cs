<?cs include:"accounts/account_form.cs" ?>
<?cs def:content() ?>
<section class="card">
  <h1><?cs var:Lang.accounts.account_new.title ?></h1>
  <form method="post" action="/accounts/new" novalidate>
    <?cs call:csrf() ?>
    <fieldset>
      <legend><?cs var:Lang.accounts.account_form.customer_info ?></legend>
      <?cs call:account_address_fields() ?>
      <?cs call:account_choice_fields() ?>
    </fieldset>
    <fieldset>
      <legend><?cs var:Lang.accounts.account_form.contacts ?></legend>
      <?cs call:account_contacts_field() ?>
    </fieldset>
    <div class="actions">
      <a class="button secondary" href="/accounts"><?cs var:Lang.common.cancel ?></a>
      <button type="submit"><?cs var:Lang.common.save ?></button>
    </div>
  </form>
</section>
<?cs /def ?>
