// Buttons that act on a selection (guide §2.15: Convert, Upgrade and
// Manage Selected; Assign and Unassign) wait until a row is checked.
// Progressive enhancement: without script the server refuses an empty
// selection with a message. The list region may be swapped by the live
// search, so the state follows any change inside the form.
'use strict';

document.querySelectorAll('form[data-selection]').forEach((form) => {
  const sync = () => {
    const any = form.querySelector('input[type="checkbox"]:checked') !== null;
    form.querySelectorAll('button[data-needs-selection]').forEach((button) => { button.disabled = !any; });
  };
  form.addEventListener('change', sync);
  new MutationObserver(sync).observe(form, { childList: true, subtree: true });
  sync();
});
