// The console's languages for the language tests (tests/e2e/lang*): the
// language files as key/value maps, and French and German made to exist on
// the check stack when the repository has no file for them yet. Such a
// stand-in is a handful of keys in the stack's override directory (a
// language exists when its file exists in either template directory,
// lib/lang.h), removed again by the test that wrote it; with the real
// translations in templates/lang/ the tests use those.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { repo, stackDir } from './stack.js';

export const shippedDir = `${repo}/templates/lang`;
export const overrideDir = `${stackDir}/templates/lang`;

/** An HDF file's values by dotted key (the subset of HDF our language files use). */
export function parseHdf(text) {
  const values = new Map();
  const path = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line === '}') { path.pop(); continue; }
    const open = /^([A-Za-z0-9_.]+)\s*\{$/.exec(line);
    if (open) { path.push(open[1]); continue; }
    const set = /^([A-Za-z0-9_.]+)\s*=\s?(.*)$/.exec(line);
    if (set) values.set([...path, set[1]].join('.'), set[2]);
  }
  return values;
}

/** The text of a language: its override when there is one, else the shipped file. */
export function languageText(code) {
  for (const file of [`${overrideDir}/${code}.hdf`, `${shippedDir}/${code}.hdf`]) {
    if (existsSync(file)) return parseHdf(readFileSync(file, 'utf8'));
  }
  return null;
}

export const english = () => languageText('en');

// Stand-ins: the words of the sign-in page and the frame, the languages'
// names, and the welcome mail's subject. Written here for these tests only.
const standIns = {
  fr: `layout {
  language = Langue
  apply = Appliquer
  support = Assistance
  legal = Mentions légales
  logout = Déconnexion
}
auth {
  login {
    title = Connexion
    heading = Connexion à l'administration
    email = Adresse électronique
    password = Mot de passe
    submit = Suivant
    forgot = Mot de passe oublié ?
  }
}
accounts {
  account_form {
    languages {
      en = Anglais
      fr = Français
      de = Allemand
    }
  }
}
mail {
  welcome {
    subject = Terminez la création de votre compte
  }
}
`,
  de: `layout {
  language = Sprache
  apply = Übernehmen
  support = Hilfe
  legal = Rechtliches
  logout = Abmelden
}
auth {
  login {
    title = Anmelden
    heading = Bei der Verwaltung anmelden
    email = E-Mail-Adresse
    password = Passwort
    submit = Weiter
    forgot = Passwort vergessen?
  }
}
accounts {
  account_form {
    languages {
      en = Englisch
      fr = Französisch
      de = Deutsch
    }
  }
}
mail {
  welcome {
    subject = Schließen Sie die Einrichtung Ihres Kontos ab
  }
}
`,
};

/** Makes French and German exist on the stack; resolves with the codes whose stand-in it wrote. */
export function ensureLanguages() {
  const written = [];
  mkdirSync(overrideDir, { recursive: true });
  for (const code of ['fr', 'de']) {
    if (existsSync(`${shippedDir}/${code}.hdf`) || existsSync(`${overrideDir}/${code}.hdf`)) continue;
    writeFileSync(`${overrideDir}/${code}.hdf`, standIns[code]);
    written.push(code);
  }
  return written;
}

/** Removes the stand-ins ensureLanguages wrote. */
export function removeStandIns(codes) {
  for (const code of codes) rmSync(`${overrideDir}/${code}.hdf`, { force: true });
}

/** The languages that exist on the stack: every <code>.hdf in either directory. */
export function languagesOnStack() {
  const codes = new Set();
  for (const dir of [shippedDir, overrideDir]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSafe(dir)) {
      const m = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.hdf$/.exec(f);
      if (m) codes.add(m[1]);
    }
  }
  return [...codes].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

function readdirSafe(dir) {
  try { return readdirSync(dir); } catch { return []; }
}
