// Progressive enhancement only: every page works without this file.
'use strict';

// Live search: as the user types, fetch the same list page and swap the
// results region; the URL follows so the list can be bookmarked.
function liveSearch(input) {
  const form = input.form;
  let timer = null;
  let controller = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const params = new URLSearchParams(new FormData(form));
      params.delete('page');
      const url = (form.getAttribute('action') || location.pathname) + '?' + params.toString();
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const res = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
        // Signed out meanwhile (redirected to the sign-in page) or an error: load the page itself.
        if (!res.ok || res.redirected) { location.href = url; return; }
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const fresh = doc.getElementById('list-results');
        const current = document.getElementById('list-results');
        if (fresh && current) {
          current.innerHTML = fresh.innerHTML;
          history.replaceState(null, '', url);
        }
      } catch (e) {
        if (e.name !== 'AbortError') throw e;
      }
    }, 200);
  });
}

document.querySelectorAll('input[data-live-search]').forEach(liveSearch);

// Whole-row links in lists; the row's own link still works without script.
document.addEventListener('click', (ev) => {
  const row = ev.target.closest('tr[data-href]');
  if (!row || ev.target.closest('a, button, input, label, select')) return;
  location.href = row.dataset.href;
});

// Copy buttons (Account ID).
document.addEventListener('click', async (ev) => {
  const button = ev.target.closest('button[data-copy]');
  if (!button) return;
  try {
    await navigator.clipboard.writeText(button.dataset.copy);
    const label = button.textContent;
    button.textContent = button.dataset.copied || 'Copied';
    setTimeout(() => { button.textContent = label; }, 1500);
  } catch (e) {
    window.prompt('Copy:', button.dataset.copy);
  }
});

// Typed-word confirmations: the button wakes up when the word is typed
// (the server checks it again).
document.querySelectorAll('form.confirm-word').forEach((form) => {
  const input = form.querySelector('input[name="confirm"]');
  const button = form.querySelector('button[type="submit"]');
  if (!input || !button) return;
  const sync = () => { button.disabled = input.value.trim() !== form.dataset.word; };
  input.addEventListener('input', sync);
  sync();
});
