// The vectors lib/scim is unit-tested against (tests/unit/scim-vectors.json),
// checked against independent implementations: npm scim2-parse-filter for
// the filter grammar (the same syntax tree) and its evaluation (the same
// matches), npm scim-patch for PATCH (the same document). Where RFC 7644 or
// Microsoft Entra's dialect asks for something an oracle does not do, the
// vector says so and why; those vectors are checked only as far as the
// oracle goes, and every such exception must carry its reason.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, filter as toPredicate } from 'scim2-parse-filter';
import { scimPatch } from 'scim-patch';

const vectors = JSON.parse(readFileSync(fileURLToPath(new URL('../unit/scim-vectors.json', import.meta.url)), 'utf8'));

/** The oracle's syntax tree in lib/scim's S-expression form (and/or flattened). */
function sexpr(f) {
  switch (f.op) {
    case 'and':
    case 'or':
      return `(${f.op} ${f.filters.flatMap((c) => (c.op === f.op ? sexpr(c).slice(f.op.length + 2, -1) : sexpr(c))).join(' ')})`;
    case 'not':
      return `(not ${sexpr(f.filter)})`;
    case '[]':
      return `(has ${f.attrPath} ${sexpr(f.valFilter)})`;
    case 'pr':
      return `(pr ${f.attrPath})`;
    default:
      return `(${f.op} ${f.attrPath} ${JSON.stringify(f.compValue)})`;
  }
}

/** Drops what lib/scim's normalization treats as unassigned: nulls and empty arrays. */
function unassignedDropped(v) {
  if (Array.isArray(v)) return v.map(unassignedDropped);
  if (v && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null || (Array.isArray(x) && x.length === 0)) continue;
      out[k] = unassignedDropped(x);
    }
    return out;
  }
  return v;
}

describe('filter vectors against scim2-parse-filter', () => {
  const resources = vectors.resources;
  for (const v of vectors.filters) {
    if (v.oracle === false || v.oracleAst === false || v.oracleMatch === false) {
      test(`exception explained: ${v.filter}`, () => assert.ok(v.why, 'an exception to the oracle says why'));
    }
    if (v.oracle === false) continue;
    if (v.error) {
      test(`refused by both: ${v.filter}`, () => assert.throws(() => parse(v.filter)));
      continue;
    }
    if (v.oracleAst !== false) {
      test(`same syntax tree: ${v.filter}`, () => assert.equal(sexpr(parse(v.filter)), v.sexpr));
    }
    if (v.oracleMatch !== false) {
      test(`same matches: ${v.filter}`, () => {
        const p = toPredicate(parse(v.filter));
        assert.deepEqual(Object.keys(resources).filter((name) => p(resources[name])), v.matches);
      });
    }
  }
});

describe('patch vectors against scim-patch', () => {
  for (const v of vectors.patches) {
    if (v.oracle === false) {
      test(`exception explained: ${v.name}`, () => assert.ok(v.why, 'an exception to the oracle says why'));
      continue;
    }
    const resource = structuredClone(vectors.patchResources[v.resource]);
    if (v.error) {
      test(`refused by both: ${v.name}`, () => assert.throws(() => scimPatch(resource, structuredClone(v.operations))));
      continue;
    }
    test(`same document: ${v.name}`, () => {
      const got = unassignedDropped(scimPatch(resource, structuredClone(v.operations)));
      assert.deepEqual(got, v.expect);
    });
  }
});
