import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, DISPATCH_STEPS } from '../../../../src/modules/cases/cases.enums';
import { PERMISSIONS } from '../../../../src/core/auth/permissions.rules';
import labels from './labels.i18n';

/**
 * Every audit action key written anywhere in the server's modules has a label in both languages. The keys are read
 * from the source of the files that write audit rows (recordAudit, auditedExport): `action: '<type>.<verb>'` (and every
 * such literal of a file whose helper forwards an `action` parameter), and template literals `` `<type>.${…}` ``, whose values are listed below (from the enums where there is one).
 */
const SOURCES = import.meta.glob('../../../../src/modules/**/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** What the `${…}` of each template key can be; a new template fails the test until it is listed here. */
const TEMPLATE_VALUES: Record<string, readonly string[]> = {
  case: CASE_ACTIONS,
  case_dispatch: DISPATCH_STEPS,
  // meetings.service.ts writeMeeting and meetings.invitations.ts writeInvitation / audit callers.
  joint_meeting: ['update', 'schedule', 'hold', 'cancel', 'invite', 'respond', 'checkin', 'confirm_attendance'],
  project_plan: ['submit', 'approve', 'return'], // projects.plans.ts PlanAction
  project_milestone: ['done', 'reopen', 'update'], // projects.milestones.ts
  service_day_checkin: ['qr', 'staff'], // servicedays.checkins.ts method
};

function actionKeys(): { keys: Set<string>; unknownTemplates: string[] } {
  const writers = Object.entries(SOURCES).filter(
    ([path, text]) => !path.endsWith('.test.ts') && /recordAudit\(|auditedExport\(/.test(text),
  );
  const types = new Set<string>();
  for (const [, text] of writers) {
    for (const m of text.matchAll(/entityType: '([a-z_]+)'/g)) types.add(m[1]);
    for (const m of text.matchAll(/action: '([a-z_]+)\.[a-z_]+'/g)) types.add(m[1]);
  }
  const permissions = new Set<string>(PERMISSIONS);
  const keys = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const [path, text] of writers) {
    // `action: 'x.y'`; where a helper forwards its `action` parameter (`action,`), every 'x.y' literal of the file.
    const literals = /\n\s+action,\n/.test(text) ? /'([a-z_]+)\.([a-z_]+)'/g : /action: '([a-z_]+)\.([a-z_]+)'/g;
    for (const m of text.matchAll(literals))
      if (types.has(m[1]) && !permissions.has(`${m[1]}.${m[2]}`)) keys.add(`${m[1]}.${m[2]}`);
    for (const m of text.matchAll(/action: `([a-z_]+)\.\$\{/g)) {
      const values = TEMPLATE_VALUES[m[1]];
      if (!values) unknownTemplates.push(`${path}: ${m[1]}.\${…}`);
      for (const v of values ?? []) keys.add(`${m[1]}.${v}`);
    }
  }
  return { keys, unknownTemplates };
}

describe('audit action labels', () => {
  const { keys, unknownTemplates } = actionKeys();

  it('finds the keys (the scan itself works)', () => {
    expect(keys.size).toBeGreaterThan(80);
    for (const k of ['case.create', 'case.accept', 'case_dispatch.done', 'service_day.rotate_token'])
      expect(keys, k).toContain(k);
    expect(unknownTemplates).toEqual([]);
  });

  it('every action key written in src/modules has a zh-CN and an en label', () => {
    const missing = [...keys].filter((k) => !(k in labels.zhCN.auditAction) || !(k in labels.en.auditAction));
    expect(missing.sort()).toEqual([]);
  });

  it('every record type written has a name', () => {
    const types = new Set([...keys].map((k) => k.split('.')[0]).filter((t) => t !== 'auth' && t !== 'matching'));
    const missing = [...types].filter((t) => !(t in labels.zhCN.entityType));
    expect(missing.sort()).toEqual([]);
  });
});
