// The CloudLink Gateway screens, improved when JavaScript runs (they work
// without it): pages that wait for the gateway or a sync reload by
// themselves; DNS Servers become chips with Add DNS; the static Ethernet
// fields show only with Static; MiVoice Business's own fields only for it.
'use strict';

// A page that follows something running reloads itself, unless the person
// has started typing in one of its forms.
(() => {
  const wait = document.querySelector('[data-refresh]');
  if (!wait) return;
  let typed = false;
  document.addEventListener('input', () => { typed = true; });
  wait.querySelector('a')?.setAttribute('hidden', '');
  setTimeout(function again() {
    if (typed) return;
    if (document.visibilityState === 'hidden') { setTimeout(again, 1000); return; }
    location.reload();
  }, Number(wait.dataset.refresh) * 1000);
})();

// DNS Servers: the list field becomes chips (each with its remove button)
// and an input with Add DNS; at most three. What is typed but not added
// yet is added when the form is sent.
document.querySelectorAll('[data-dns]').forEach((field) => {
  const store = field.querySelector('input[name="dns"]');
  const label = field.querySelector('label');
  const hint = field.querySelector('.hint');
  const list = () => store.value.split(/[\s,;]+/).filter(Boolean);
  const chips = document.createElement('ul');
  chips.className = 'chips';
  const row = document.createElement('div');
  row.className = 'dns-add';
  const input = document.createElement('input');
  input.type = 'text';
  input.id = store.id;
  input.inputMode = 'decimal';
  input.setAttribute('aria-describedby', store.getAttribute('aria-describedby') ?? '');
  if (store.hasAttribute('aria-invalid')) input.setAttribute('aria-invalid', 'true');
  const add = document.createElement('button');
  add.type = 'button';
  add.className = 'secondary';
  add.textContent = field.dataset.addLabel;
  row.append(input, add);
  store.type = 'hidden';
  store.removeAttribute('id');
  label.htmlFor = input.id;
  field.insertBefore(chips, label.nextSibling);
  field.insertBefore(row, hint);
  const draw = () => {
    chips.replaceChildren(...list().map((dns, i) => {
      const li = document.createElement('li');
      li.append(`${dns} `);
      const x = document.createElement('button');
      x.type = 'button';
      x.className = 'chip-remove';
      x.textContent = '×';
      x.setAttribute('aria-label', `${field.dataset.removeLabel} ${dns}`);
      x.addEventListener('click', () => {
        store.value = list().filter((_, k) => k !== i).join(', ');
        draw();
        input.focus();
      });
      li.append(x);
      return li;
    }));
    const full = list().length >= 3;
    input.disabled = full;
    add.disabled = full;
  };
  const push = () => {
    const v = input.value.trim();
    if (!v) return;
    store.value = [...list(), v].join(', ');
    input.value = '';
    draw();
  };
  add.addEventListener('click', () => { push(); input.focus(); });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') { ev.preventDefault(); push(); }
  });
  field.closest('form')?.addEventListener('submit', push);
  draw();
});

// Port 1: the static settings only with Static.
document.querySelectorAll('[data-eth]').forEach((port) => {
  const fields = port.querySelector('[data-static-fields]');
  const sync = () => {
    fields.hidden = port.querySelector('input[name="eth_mode"]:checked')?.value !== 'static';
  };
  port.addEventListener('change', sync);
  sync();
});

// Configure PBX: MiVoice Business's variant (its hint, MBG and MiCollab,
// "PBX IP Address or FQDN") only when it is the PBX Type.
document.querySelectorAll('form[data-pbx-form]').forEach((form) => {
  const type = form.querySelector('select[data-pbx-type]');
  const host = form.querySelector('[data-host-label]');
  const sync = () => {
    const mivb = !!type.selectedOptions[0]?.hasAttribute('data-mbg');
    form.querySelectorAll('[data-mivb-only]').forEach((el) => { el.hidden = !mivb; });
    const label = host.querySelector('label');
    const req = label.querySelector('.req');
    label.textContent = `${mivb ? host.dataset.hostLabelMivb : host.dataset.hostLabel} `;
    if (req) label.append(req);
  };
  type.addEventListener('change', sync);
  sync();
});
