// Event History and System Inventory (guide §2.16, §2.17): progressive
// enhancement only. Without this file the lists page with links, the
// Export button exports what is ticked, the filter dialog updates its
// options with a button, and columns move with Move up / Move down.
'use strict';

// More rows as the list scrolls: the "More" link's page is fetched and its
// rows appended; the end of the list (or the next link) comes with them.
// A failure shows the banner asking for a refresh, and leaves the link.
(function moreOnScroll() {
  const rows = document.querySelector('tbody[data-more-rows], #event-rows');
  const end = document.querySelector('[data-list-end], #event-list-end');
  const error = document.querySelector('[data-scroll-error]');
  if (!rows || !end || !('IntersectionObserver' in window)) return;
  let loading = false;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) load();
  }, { rootMargin: '200px' });

  function watch() {
    const link = end.querySelector('a[rel="next"]');
    if (link) observer.observe(link);
  }

  async function load() {
    const link = end.querySelector('a[rel="next"]');
    if (!link || loading) return;
    loading = true;
    observer.disconnect();
    try {
      const res = await fetch(link.href, { credentials: 'same-origin' });
      if (!res.ok || res.redirected) throw new Error(`status ${res.status}`);
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const freshRows = doc.getElementById(rows.id);
      const freshEnd = doc.getElementById(end.id);
      if (!freshRows || !freshEnd) throw new Error('not a list page');
      rows.append(...[...freshRows.children].map((row) => document.adoptNode(row)));
      end.innerHTML = freshEnd.innerHTML;
      if (error) error.hidden = true;
      rows.dispatchEvent(new Event('rows-added', { bubbles: true }));
      watch();
    } catch (e) {
      if (error) error.hidden = false;
    } finally {
      loading = false;
    }
  }
  watch();
})();

// Selected rows: the Export button appears with the number ticked; the
// header's box ticks every row shown.
document.querySelectorAll('form[data-event-selection]').forEach((form) => {
  const button = form.querySelector('button[data-export-button]');
  const all = form.querySelector('input[data-select-all]');
  const boxes = () => [...form.querySelectorAll('input[name="ids"]')];
  const sync = () => {
    const n = boxes().filter((b) => b.checked).length;
    if (button) {
      button.hidden = n === 0;
      button.textContent = `${button.dataset.label} (${n})`;
    }
    if (all) {
      all.checked = n > 0 && n === boxes().length;
      all.indeterminate = n > 0 && n < boxes().length;
    }
  };
  if (all) {
    all.hidden = false;
    all.addEventListener('change', () => {
      boxes().forEach((b) => { b.checked = all.checked; });
      sync();
    });
  }
  form.addEventListener('change', sync);
  form.addEventListener('rows-added', sync);
  sync();
});

// Smart filters: each change asks the dialog page for the options the
// other choices leave, and puts them in the lists.
document.querySelectorAll('form[data-event-filters]').forEach((form) => {
  const update = form.querySelector('[data-update-options]');
  if (update) update.hidden = true;
  let controller = null;
  async function refresh() {
    const params = new URLSearchParams(new FormData(form));
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const res = await fetch(`${form.dataset.optionsUrl}?${params}`, { signal: controller.signal, credentials: 'same-origin' });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      form.querySelectorAll('select[data-smart-filter]').forEach((select) => {
        const fresh = doc.getElementById(select.id);
        if (!fresh) return;
        const value = select.value;
        select.replaceChildren(...[...fresh.options].map((o) => document.adoptNode(o)));
        select.value = value;
      });
    } catch (e) {
      if (e.name !== 'AbortError') throw e;
    }
  }
  form.addEventListener('change', refresh);
});

// Show/hide columns: rows are dragged into order; their hidden "order"
// fields move with them, so Save sends the order shown.
document.querySelectorAll('form[data-columns-form]').forEach((form) => {
  const list = form.querySelector('.column-list');
  if (!list) return;
  let dragged = null;
  list.addEventListener('dragstart', (ev) => {
    dragged = ev.target.closest('li');
    if (dragged) ev.dataTransfer.effectAllowed = 'move';
  });
  list.addEventListener('dragover', (ev) => {
    const over = ev.target.closest('li');
    if (!dragged || !over || over === dragged) return;
    ev.preventDefault();
    const after = ev.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
    over.parentNode.insertBefore(dragged, after ? over.nextSibling : over);
  });
  list.addEventListener('drop', (ev) => { ev.preventDefault(); dragged = null; });
  list.addEventListener('dragend', () => { dragged = null; });
});
