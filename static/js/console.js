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
          if (fresh.dataset.empty !== undefined) current.dataset.empty = fresh.dataset.empty;
          history.replaceState(null, '', url);
          current.dispatchEvent(new Event('list-updated', { bubbles: true }));
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
  if (!row || ev.target.closest('a, button, input, label, select, details')) return;
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

// Import preview (issue 4): corrections save as soon as a field changes, and
// the row forms (save, delete, Add Row) are sent in the background; the
// preview region is swapped for the page the server answers with, so
// re-validation shows at once without a reload. Without script the Save,
// Delete and Add Row buttons post the same forms.
(function importPreview() {
  const regionId = 'import-preview';
  if (!document.getElementById(regionId)) return;

  async function send(form, focusId) {
    const body = new URLSearchParams();
    // The row's fields live in its table cells (form="r-<id>"): form.elements has them all.
    for (const el of form.elements) if (el.name) body.append(el.name, el.value);
    const res = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin' });
    if (!res.ok && res.status !== 422) { form.submit(); return; }
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const fresh = doc.getElementById(regionId);
    const current = document.getElementById(regionId);
    if (!fresh || !current) { location.href = res.url; return; }
    current.replaceWith(fresh);
    if (res.redirected) history.replaceState(null, '', res.url);
    const again = focusId && document.getElementById(focusId);
    if (again) again.focus();
  }

  document.addEventListener('submit', (ev) => {
    const form = ev.target.closest('form[data-import-row]');
    if (!form) return;
    ev.preventDefault();
    send(form, null);
  });

  // A changed cell of an existing row saves its row; the new row waits for Add Row.
  document.addEventListener('change', (ev) => {
    const el = ev.target;
    const form = el.form;
    if (!form || !form.matches('form[data-import-row]') || form.id === 'r-new') return;
    // Keep the caret where the person went next (Tab), if that cell is still there.
    setTimeout(() => {
      const next = document.activeElement && document.activeElement.id;
      send(form, next);
    }, 0);
  });
})();

// Support contacts (issue 5): the comma-separated field becomes chips with
// an X each, and an input that suggests partner users as you type (their
// page /support-contacts, read like the live search reads lists) and adds
// a typed address on Enter. The original input keeps the value the server reads.
const EMAIL_SHAPE = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

function contactsPicker(box) {
  const field = box.querySelector('input[name="contacts"]');
  if (!field) return;
  const wrap = field.closest('.field');
  const list = document.createElement('ul');
  list.className = 'chips';
  const add = document.createElement('input');
  add.type = 'text';
  add.id = 'f-contacts-add';
  add.autocomplete = 'off';
  add.setAttribute('role', 'combobox');
  add.setAttribute('aria-autocomplete', 'list');
  add.setAttribute('aria-expanded', 'false');
  add.setAttribute('aria-controls', 'contacts-suggestions');
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.id = 'h-contacts-add';
  hint.textContent = box.dataset.addHint;
  add.setAttribute('aria-describedby', hint.id);
  const error = document.createElement('p');
  error.className = 'error';
  error.id = 'e-contacts-add';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const suggestions = document.createElement('ul');
  suggestions.id = 'contacts-suggestions';
  suggestions.className = 'suggestions';
  suggestions.setAttribute('role', 'listbox');
  suggestions.setAttribute('aria-label', box.dataset.resultsLabel);
  suggestions.hidden = true;

  let contacts = field.value.split(/[\s,;]+/).filter(Boolean).map((email) => ({ email, name: '' }));
  field.type = 'hidden';
  // The field's label and its hint now belong to the input one types in.
  wrap.querySelector('label[for="f-contacts"]').htmlFor = add.id;
  wrap.querySelector('#h-contacts')?.remove();
  wrap.append(list, add, hint, error, suggestions);

  const sync = () => {
    field.value = contacts.map((c) => c.email).join(', ');
    list.replaceChildren(...contacts.map((c, i) => {
      const li = document.createElement('li');
      li.textContent = c.name ? `${c.name} (${c.email})` : c.email;
      const x = document.createElement('button');
      x.type = 'button';
      x.className = 'chip-remove';
      x.textContent = '×';
      x.setAttribute('aria-label', `${box.dataset.removeLabel} ${c.email}`);
      x.addEventListener('click', () => { contacts.splice(i, 1); sync(); add.focus(); });
      li.append(' ', x);
      return li;
    }));
  };
  const showError = (on) => {
    error.hidden = !on;
    error.textContent = on ? box.dataset.invalid : '';
    add.setAttribute('aria-invalid', on ? 'true' : 'false');
  };
  const close = () => { suggestions.hidden = true; suggestions.replaceChildren(); add.setAttribute('aria-expanded', 'false'); };
  const pick = (email, name) => {
    if (!contacts.some((c) => c.email.toLowerCase() === email.toLowerCase())) contacts.push({ email, name });
    add.value = '';
    showError(false);
    close();
    sync();
  };

  let timer = null;
  let controller = null;
  add.addEventListener('input', () => {
    showError(false);
    clearTimeout(timer);
    const q = add.value.trim();
    if (!box.dataset.suggest || !q) { close(); return; }
    timer = setTimeout(async () => {
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const res = await fetch(`${box.dataset.suggest}?q=${encodeURIComponent(q)}`, { signal: controller.signal, credentials: 'same-origin' });
        if (!res.ok || res.redirected) return;
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const found = [...doc.querySelectorAll('#contact-suggestions li[data-email]')];
        suggestions.replaceChildren(...found.map((li) => {
          const option = document.createElement('li');
          option.setAttribute('role', 'option');
          option.tabIndex = -1;
          option.textContent = `${li.dataset.name} (${li.dataset.email})`;
          option.addEventListener('click', () => pick(li.dataset.email, li.dataset.name));
          return option;
        }));
        suggestions.hidden = found.length === 0;
        add.setAttribute('aria-expanded', found.length ? 'true' : 'false');
      } catch (e) {
        if (e.name !== 'AbortError') throw e;
      }
    }, 200);
  });
  add.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { close(); return; }
    if (ev.key !== 'Enter') return;
    ev.preventDefault(); // Enter adds the address; it does not submit the form
    const typed = add.value.trim();
    if (!typed) return;
    if (EMAIL_SHAPE.test(typed)) pick(typed, '');
    else showError(true);
  });
  // An address typed but not yet added goes with the form; a bad one stops it.
  field.form.addEventListener('submit', (ev) => {
    const typed = add.value.trim();
    if (!typed) return;
    if (EMAIL_SHAPE.test(typed)) pick(typed, '');
    else { ev.preventDefault(); showError(true); add.focus(); }
  });
  sync();
}

document.querySelectorAll('[data-contacts]').forEach(contactsPicker);

// Role forms (issue 5): only the chosen base role's Permissions table is shown.
document.querySelectorAll('input[data-base-choice]').forEach((radio) => {
  const sync = () => {
    const chosen = document.querySelector('input[data-base-choice]:checked');
    document.querySelectorAll('fieldset.matrix[data-base]').forEach((table) => {
      table.hidden = !chosen || table.dataset.base !== chosen.value;
    });
  };
  radio.addEventListener('change', sync);
  sync();
});

// The notification bell (issue 3): Dismiss All and delete without leaving
// the page. Dismiss All only hides what is shown now (a reload shows it
// again, as the guide says); the server marks it seen either way.
document.querySelectorAll('[data-bell]').forEach((bell) => {
  const post = (form) => fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' });
  const showEmpty = () => {
    const list = bell.querySelector('[data-bell-list]');
    const empty = bell.querySelector('[data-bell-empty]');
    if (empty) empty.hidden = list.querySelector('li:not([hidden])') !== null;
  };
  bell.addEventListener('submit', async (ev) => {
    const form = ev.target;
    if (!form.matches('[data-bell-dismiss], [data-bell-delete]')) return;
    ev.preventDefault();
    const res = await post(form);
    if (!res.ok) { form.submit(); return; }
    if (form.matches('[data-bell-dismiss]')) {
      bell.querySelectorAll('[data-bell-list] li').forEach((li) => { li.hidden = true; });
      bell.querySelector('[data-bell-badge]')?.remove();
      form.hidden = true;
    } else {
      const li = form.closest('li');
      const badge = bell.querySelector('[data-bell-badge]');
      if (badge && li.classList.contains('unseen')) {
        const left = Number(badge.textContent) - 1;
        if (left > 0) badge.textContent = String(left); else badge.remove();
      }
      li.remove();
    }
    showEmpty();
  });
});

// A job's progress bar advances without reloading, and its state label
// with it (the server names the state: never "Waiting to start" once the
// bar moves); when the job ends the page reloads to show its summary.
document.querySelectorAll('[data-job-progress]').forEach((block) => {
  if (!['queued', 'running'].includes(block.dataset.jobState)) return;
  block.querySelector('[data-job-refresh]')?.setAttribute('hidden', '');
  const bar = block.querySelector('progress');
  const poll = async () => {
    try {
      const res = await fetch(block.dataset.jobProgress, { credentials: 'same-origin' });
      if (!res.ok) return;
      const p = await res.json();
      bar.value = p.percent;
      bar.textContent = `${p.percent}%`;
      block.querySelector('[data-job-percent]').textContent = `${p.percent}%`;
      block.querySelector('[data-job-processed]').textContent = String(p.processed);
      if (p.state_label) block.querySelector('[data-job-state-label]').textContent = p.state_label;
      if (p.state === 'done' || p.state === 'failed') { location.reload(); return; }
    } catch (e) {
      // A missed poll is retried on the next tick.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 500);
});

// Users list selection: "Manage Selected (x)" counts the ticked rows and
// is offered only while some are; "Manage all" only while the list shows
// anyone (the server draws both disabled on an empty list). The header
// checkbox selects the whole page.
document.querySelectorAll('form[data-manage]').forEach((form) => {
  const selected = form.querySelector('[data-manage-selected]');
  const everyone = form.querySelector('button[name="scope"][value="all"]');
  const boxes = () => [...form.querySelectorAll('input[name="ids"]')];
  const sync = () => {
    const n = boxes().filter((b) => b.checked).length;
    const empty = form.querySelector('#list-results')?.dataset.empty === '1';
    if (selected) {
      selected.disabled = n === 0;
      selected.textContent = n ? `${selected.dataset.label} (${n})` : selected.dataset.label;
    }
    if (everyone) everyone.disabled = empty;
    const all = form.querySelector('input[data-select-all]');
    if (all) {
      all.hidden = false;
      all.checked = n > 0 && n === boxes().length;
      all.indeterminate = n > 0 && n < boxes().length;
    }
  };
  form.addEventListener('change', (ev) => {
    if (ev.target.matches('input[data-select-all]')) boxes().forEach((b) => { b.checked = ev.target.checked; });
    sync();
  });
  form.addEventListener('list-updated', sync);
  // "Manage all" follows the search as typed (live search changes no form field here).
  form.addEventListener('submit', () => {
    const search = document.querySelector('input[data-live-search]');
    if (!search || search.disabled) return;
    let q = form.querySelector('input[type="hidden"][name="q"]');
    if (!q) {
      q = Object.assign(document.createElement('input'), { type: 'hidden', name: 'q' });
      form.append(q);
    }
    q.value = search.value;
  });
  sync();
});

// Menus — the bell, the avatar, "+ Add Filter" and, on a narrow screen, the
// navigation (guide §1.3): one open at a time, and Escape or a click
// outside closes it. Each is a <details>, so all of them open and close
// without this too.
const MENUS = 'details[data-menu], .filter-bar details';
// The navigation's button opens the list beside it: the sidebar is its inside.
const menuArea = (menu) => (menu.matches('.nav-toggle') ? menu.parentElement : menu);

document.addEventListener('toggle', (ev) => {
  const opened = ev.target;
  if (!opened.matches || !opened.matches(MENUS) || !opened.open) return;
  document.querySelectorAll(MENUS).forEach((menu) => { if (menu !== opened) menu.open = false; });
}, true); // toggle does not bubble: catch it on the way down

document.addEventListener('keydown', (ev) => {
  if (ev.key !== 'Escape') return;
  document.querySelectorAll(MENUS).forEach((menu) => {
    if (!menu.open) return;
    const focusWasInside = menuArea(menu).contains(document.activeElement);
    menu.open = false;
    if (focusWasInside) menu.querySelector('summary').focus();
  });
});

document.addEventListener('click', (ev) => {
  document.querySelectorAll(MENUS).forEach((menu) => {
    if (menu.open && !menuArea(menu).contains(ev.target)) menu.open = false;
  });
});

// The header's account search (guide §1.3): the accounts whose name has a
// word starting with what is typed, offered as you type (the form's own
// page answers ?format=json); arrows move through them, Enter or a click
// opens one. Without script the form opens the page listing them.
document.querySelectorAll('form[data-account-search]').forEach((form) => {
  const input = form.querySelector('input[name="q"]');
  const list = document.createElement('ul');
  list.id = 'account-search-suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', input.dataset.resultsLabel);
  list.hidden = true;
  form.append(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let active = -1;
  let timer = null;
  let controller = null;
  const options = () => [...list.children];
  const close = () => {
    clearTimeout(timer);
    if (controller) controller.abort();
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const choose = (i) => {
    active = i;
    options().forEach((option, j) => option.setAttribute('aria-selected', String(i === j)));
    input.setAttribute('aria-activedescendant', options()[i].id);
    options()[i].scrollIntoView({ block: 'nearest' });
  };
  const show = (found) => {
    list.replaceChildren(...found.map((account, i) => {
      const option = document.createElement('li');
      option.id = `account-search-option-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.href = account.href;
      option.textContent = account.name;
      option.addEventListener('mousedown', (ev) => ev.preventDefault()); // the input keeps the focus
      option.addEventListener('click', () => { location.href = account.href; });
      return option;
    }));
    active = -1;
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
  };

  input.addEventListener('input', () => {
    const q = input.value.trim();
    if (!q) { close(); return; }
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (controller) controller.abort();
      controller = new AbortController();
      const url = new URL(form.action);
      url.searchParams.set('q', q);
      url.searchParams.set('format', 'json');
      try {
        const res = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
        // Signed out meanwhile, or an error: the form still works by submitting.
        if (!res.ok || res.redirected) return;
        show(await res.json());
      } catch (e) {
        if (e.name !== 'AbortError') throw e;
      }
    }, 200);
  });
  input.addEventListener('keydown', (ev) => {
    const n = options().length;
    if (ev.key === 'ArrowDown' && n) {
      ev.preventDefault();
      choose((active + 1) % n);
    } else if (ev.key === 'ArrowUp' && n) {
      ev.preventDefault();
      choose((active - 1 + n) % n);
    } else if (ev.key === 'Enter' && active >= 0) {
      ev.preventDefault();
      location.href = options()[active].dataset.href;
    } else if (ev.key === 'Escape' && !list.hidden) {
      close();
    }
  });
  document.addEventListener('click', (ev) => { if (!form.contains(ev.target)) close(); });
  input.addEventListener('blur', close);
});

// The integrations catalogue (guide §3.1): the cards of the open tab filter
// as the search is typed; without script the search form does the same.
document.querySelectorAll('input[data-catalogue-filter]').forEach((input) => {
  const list = document.getElementById(input.dataset.catalogueFilter);
  const empty = document.querySelector('[data-catalogue-empty]');
  if (!list) return;
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    let shown = 0;
    list.querySelectorAll('[data-search]').forEach((card) => {
      const match = !q || card.dataset.search.toLowerCase().includes(q);
      card.hidden = !match;
      if (match) shown++;
    });
    if (empty) empty.hidden = shown > 0;
  });
});

// Chips (guide §3.1.2 Add Locations, Emergency Services' Dialables): a
// textarea[data-chips] of one entry a line becomes a row of chips and an
// input; Enter (and, with data-chips="space", Space or a comma) makes the
// typed text a chip, a double-click puts a chip back in the input to edit,
// its × removes it. The textarea, hidden, keeps what the server reads.
document.querySelectorAll('textarea[data-chips]').forEach((area) => {
  const splitOn = area.dataset.chips === 'space' ? /[\s,]+/ : /\r?\n/;
  let chips = area.value.split(splitOn).map((v) => v.trim()).filter(Boolean);
  const list = document.createElement('ul');
  list.className = 'chips';
  const input = document.createElement('input');
  input.type = 'text';
  input.id = `${area.id}-add`;
  input.autocomplete = 'off';
  input.setAttribute('aria-describedby', area.getAttribute('aria-describedby') || '');
  const label = document.querySelector(`label[for="${area.id}"]`);
  if (label) label.htmlFor = input.id;
  area.hidden = true;
  area.after(list, input);
  const sync = () => {
    area.value = chips.join('\n');
    list.replaceChildren(...chips.map((chip, i) => {
      const li = document.createElement('li');
      li.textContent = chip;
      li.title = area.dataset.editLabel || '';
      li.addEventListener('dblclick', () => { chips.splice(i, 1); input.value = chip; sync(); input.focus(); });
      const x = document.createElement('button');
      x.type = 'button';
      x.className = 'chip-remove';
      x.textContent = '×';
      x.setAttribute('aria-label', `${area.dataset.removeLabel || 'Remove'} ${chip}`);
      x.addEventListener('click', () => { chips.splice(i, 1); sync(); input.focus(); });
      li.append(' ', x);
      return li;
    }));
  };
  const take = () => {
    const v = input.value.trim();
    if (v && !chips.includes(v)) chips.push(v);
    input.value = '';
    sync();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || (area.dataset.chips === 'space' && (e.key === ' ' || e.key === ','))) {
      e.preventDefault();
      take();
    } else if (e.key === 'Backspace' && !input.value && chips.length) {
      chips.pop();
      sync();
    }
  });
  // What is left in the input when the form is sent is a chip too.
  area.form?.addEventListener('submit', take);
  sync();
});
