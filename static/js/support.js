// Support Logs (guide §2.10), progressive enhancement only: the details
// page works without this file (every tab shown, images open by their
// link, the export page's links download).
'use strict';

// Report Details tabs: the sections become tab panels, one shown at a time.
function tabs(nav) {
  const links = [...nav.querySelectorAll('a[href^="#tab-"]')];
  const panels = links.map((a) => document.getElementById(a.getAttribute('href').slice(1)));
  if (!links.length || panels.some((p) => !p)) return;
  nav.setAttribute('role', 'tablist');
  nav.parentElement.classList.add('tabs-ready');
  function select(i, focus) {
    links.forEach((a, k) => {
      a.setAttribute('aria-selected', String(k === i));
      a.tabIndex = k === i ? 0 : -1;
      panels[k].hidden = k !== i;
    });
    if (focus) links[i].focus();
  }
  links.forEach((a, i) => {
    a.setAttribute('role', 'tab');
    a.setAttribute('aria-controls', panels[i].id);
    panels[i].setAttribute('role', 'tabpanel');
    a.addEventListener('click', (ev) => { ev.preventDefault(); select(i, false); });
    a.addEventListener('keydown', (ev) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[ev.key];
      if (!step) return;
      ev.preventDefault();
      select((i + step + links.length) % links.length, true);
    });
  });
  select(0, false);
}
document.querySelectorAll('nav[data-tabs]').forEach(tabs);

// Click To Enlarge: the image in a dialog over the page, closed with its ✕
// button or Escape.
document.addEventListener('click', (ev) => {
  const link = ev.target.closest('a[data-enlarge]');
  if (!link || typeof HTMLDialogElement === 'undefined') return;
  ev.preventDefault();
  const dialog = document.createElement('dialog');
  dialog.className = 'enlarged';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '✕';
  close.setAttribute('aria-label', link.closest('[data-close-label]')?.dataset.closeLabel || 'Close');
  const img = document.createElement('img');
  img.src = link.href;
  img.alt = link.querySelector('img')?.alt || '';
  dialog.append(close, img);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { dialog.remove(); link.focus(); });
  document.body.append(dialog);
  dialog.showModal();
});

// Export Logs: both zip files download as the page opens.
document.querySelectorAll('[data-auto-download]').forEach((list) => {
  [...list.querySelectorAll('a[download]')].forEach((a, i) => {
    setTimeout(() => a.click(), 300 * i);
  });
});
