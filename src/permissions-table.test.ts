import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Actor } from './core/auth/actor.js';
import { PERMISSIONS, permissionsOf } from './core/auth/permissions.js';
import { ROLES } from './core/auth/roles.js';

/**
 * ARCHITECTURE.md's "Who may do what" table is the statement of the permission table (core/auth/permissions.ts):
 * this test reads it back and fails on any difference, printing the table the code implies.
 */
const START = '<!-- permissions:start -->';
const END = '<!-- permissions:end -->';

function documentedTable(): { permissions: string[]; byRole: Map<string, Set<string>> } {
  const doc = readFileSync(new URL('../ARCHITECTURE.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf(START) + START.length, doc.indexOf(END));
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const roles = lines[0]
    .split('|')
    .slice(2, -1)
    .map((c) => c.trim());
  const byRole = new Map(roles.map((r) => [r, new Set<string>()]));
  const permissions: string[] = [];
  for (const line of lines.slice(2)) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const permission = cells[0].replaceAll('`', '');
    permissions.push(permission);
    cells.slice(1).forEach((cell, i) => {
      if (cell === '✓') byRole.get(roles[i])?.add(permission);
    });
  }
  return { permissions, byRole };
}

function actorWith(role: (typeof ROLES)[number]): Actor {
  return {
    userId: 'u',
    username: 'u',
    displayName: 'u',
    personId: null,
    locale: 'zh-CN',
    ip: null,
    requestId: null,
    bindings: [{ role, scopeOrgId: null, scopeGridId: null }],
  };
}

function tableFromCode(): string {
  const rows = [`| permission | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => ':-:').join('|')}|`];
  for (const p of PERMISSIONS) {
    const marks = ROLES.map((r) => (permissionsOf(actorWith(r)).includes(p) ? '✓' : ' '));
    rows.push(`| \`${p}\` | ${marks.join(' | ')} |`);
  }
  return rows.join('\n');
}

describe('ARCHITECTURE.md "Who may do what"', () => {
  it('is the permission table of core/auth/permissions.ts, every role and every permission', () => {
    const { permissions, byRole } = documentedTable();
    const hint = `ARCHITECTURE.md should read:\n${tableFromCode()}`;
    expect([...byRole.keys()], hint).toEqual([...ROLES]);
    expect(permissions, hint).toEqual([...PERMISSIONS]);
    for (const role of ROLES) {
      expect([...(byRole.get(role) ?? [])].sort(), `${role}\n${hint}`).toEqual(
        [...permissionsOf(actorWith(role))].sort(),
      );
    }
  });
});
