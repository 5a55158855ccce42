import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, type ErrorCode, type ErrorParams } from './errors.js';
import { type Locale, translateError } from './i18n.js';

/**
 * docs/API.md's error tables are what clients read; src/core/errors.ts is what the server answers. The doc was found
 * listing `PAIRING_*` as 422 when three of them are 400, 409 and 503, so this keeps the two equal: every code written
 * out once (no wildcards) with its status, and nothing listed that the server cannot send.
 */

const CODE = /^[A-Z][A-Z0-9_]*$/;
const HEADER = /^\|\s*code\s*\|\s*status\s*\|/;

type DocRow = { line: number; codes: string[]; statuses: number[] };

/** The rows of every `| code | status | when |` table; a cell may hold several `A / B` codes and statuses. */
function docRows(markdown: string): DocRow[] {
  const rows: DocRow[] = [];
  let inTable = false;
  for (const [i, text] of markdown.split('\n').entries()) {
    if (HEADER.test(text)) inTable = true;
    else if (!text.startsWith('|')) inTable = false;
    else if (inTable && !/^\|\s*-/.test(text)) {
      const [codeCell = '', statusCell = ''] = text.split('|').slice(1);
      rows.push({
        line: i + 1,
        codes: codeCell.split('/').map((c) => c.replaceAll('`', '').trim()),
        statuses: statusCell.split('/').map((s) => Number(s.trim())),
      });
    }
  }
  return rows;
}

/** code → status as the doc states it, and every problem found on the way. */
function readDoc(): { documented: Map<string, number>; problems: string[] } {
  const markdown = readFileSync(path.resolve(import.meta.dirname, '../../docs/API.md'), 'utf8');
  const documented = new Map<string, number>();
  const problems: string[] = [];
  for (const { line, codes, statuses } of docRows(markdown)) {
    if (statuses.length !== 1 && statuses.length !== codes.length) {
      problems.push(`docs/API.md:${line}: ${codes.length} codes but ${statuses.length} statuses`);
      continue;
    }
    for (const [i, code] of codes.entries()) {
      const status = statuses.length === 1 ? statuses[0] : statuses[i];
      if (!CODE.test(code)) problems.push(`docs/API.md:${line}: "${code}" is not one code written out in full`);
      else if (documented.has(code)) problems.push(`docs/API.md:${line}: ${code} is listed twice`);
      else documented.set(code, status ?? Number.NaN);
    }
  }
  return { documented, problems };
}

const codes = Object.keys(ERROR_STATUS) as ErrorCode[];

describe('docs/API.md error codes', () => {
  const { documented, problems } = readDoc();

  it('has a table of codes, each row one or more codes written out in full', () => {
    expect(documented.size).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('lists every code of src/core/errors.ts', () => {
    expect(codes.filter((c) => !documented.has(c))).toEqual([]);
  });

  it('lists no code the server does not have', () => {
    expect([...documented.keys()].filter((c) => !(c in ERROR_STATUS))).toEqual([]);
  });

  it('gives each code the status the server answers with', () => {
    const wrong = codes
      .filter((c) => documented.has(c) && documented.get(c) !== ERROR_STATUS[c])
      .map((c) => `${c}: doc ${documented.get(c)}, server ${ERROR_STATUS[c]}`);
    expect(wrong).toEqual([]);
  });
});

/** The message and the placeholders it asks for, each filled with a marker so none is silently left empty. */
function render(locale: Locale, code: ErrorCode): { message: string; placeholders: string[] } {
  const asked = new Set<string>();
  const params = new Proxy({} as ErrorParams, {
    get: (_, key) => {
      asked.add(String(key));
      return `<${String(key)}>`;
    },
  });
  return { message: translateError(locale, code, params), placeholders: [...asked].sort() };
}

describe('error messages', () => {
  it('every code has a zh-CN message in Chinese and an English one', () => {
    const bad = codes.filter((code) => {
      const zh = render('zh-CN', code).message;
      const en = render('en', code).message;
      return !/\p{Script=Han}/u.test(zh) || en.trim() === '' || /\p{Script=Han}/u.test(en);
    });
    expect(bad).toEqual([]);
  });

  it('both languages ask for the same parameters', () => {
    // The probe sees what a message asks for (else this test would pass on nothing).
    expect(render('en', 'NOT_FOUND')).toEqual({ message: '<entity> not found', placeholders: ['entity'] });
    const differ = codes
      .map((code) => ({ code, zh: render('zh-CN', code).placeholders, en: render('en', code).placeholders }))
      .filter(({ zh, en }) => zh.join() !== en.join());
    expect(differ).toEqual([]);
  });
});
