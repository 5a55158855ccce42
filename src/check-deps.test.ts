import { describe, expect, it } from 'vitest';
import { groupCycles, moduleOf, ruleViolations } from '../scripts/check-deps-graph.mjs';

const edge = (from: string, to: string, typeOnly = false) => ({ from, to, typeOnly });

describe('check-deps: the dependency rule', () => {
  it('names a module by its folder, and cobuild by its sub-folder; core, seed and root files are none', () => {
    expect(moduleOf('src/modules/cases/intake/intake.ts')).toBe('cases');
    expect(moduleOf('src/modules/cobuild/needs/matching/matching.flow.ts')).toBe('cobuild/needs');
    expect(moduleOf('src/modules/cobuild/index.ts')).toBeNull();
    expect(moduleOf('src/modules/index.ts')).toBeNull();
    expect(moduleOf('src/core/audit.ts')).toBeNull();
    expect(moduleOf('src/seed/demo.ts')).toBeNull();
  });

  it('refuses core importing a module or the seed, even for a type', () => {
    const found = ruleViolations([
      edge('src/core/auth/scope.ts', 'src/modules/grid/grid.schema.ts', true),
      edge('src/core/x.ts', 'src/seed/demo.ts'),
      edge('src/core/x.ts', 'src/core/db.ts'),
      edge('src/modules/grid/grid.ts', 'src/core/db.ts'),
    ]);
    expect(found.map((f) => [f.rule, f.edge.from, f.edge.to])).toEqual([
      ['a', 'src/core/auth/scope.ts', 'src/modules/grid/grid.schema.ts'],
      ['a', 'src/core/x.ts', 'src/seed/demo.ts'],
    ]);
  });

  it('refuses any import from an enum file or the role list, packages included', () => {
    const found = ruleViolations([
      { from: 'src/modules/cases/cases.enums.ts', to: 'zod', typeOnly: false, external: true },
      edge('src/core/auth/roles.ts', 'src/core/db.ts', true),
      edge('src/modules/cases/cases.contracts.ts', 'src/modules/cases/cases.enums.ts'),
    ]);
    expect(found.map((f) => f.rule)).toEqual(['c', 'c']);
  });

  it('lets a shared rule file import enums and contract types only', () => {
    const found = ruleViolations([
      edge('src/modules/org/org.rules.ts', 'src/modules/org/org.enums.ts'),
      edge('src/modules/org/org.rules.ts', 'src/modules/org/org.contracts.ts', true),
      edge('src/modules/org/org.rules.ts', 'src/modules/org/org.contracts.ts'),
      edge('src/modules/org/org.rules.ts', 'src/core/db.ts', true),
      edge('web/src/app/ChangePasswordModal.tsx', 'src/modules/auth/password.rules.ts'),
    ]);
    expect(found.map((f) => [f.rule, f.edge.to])).toEqual([
      ['c', 'src/modules/org/org.contracts.ts'],
      ['c', 'src/core/db.ts'],
    ]);
  });

  it('lets the web import contracts, enums and the role list only', () => {
    const found = ruleViolations([
      edge('web/src/api/contracts.ts', 'src/modules/cases/cases.contracts.ts', true),
      edge('web/src/api/contracts.ts', 'src/modules/cases/cases.enums.ts'),
      edge('web/src/app/nav.tsx', 'src/core/auth/roles.ts'),
      edge('web/src/api/contracts.ts', 'src/modules/cases/cases.schema.ts', true),
      edge('web/src/ui/a.tsx', 'web/src/ui/b.tsx'),
    ]);
    expect(found.map((f) => [f.rule, f.edge.to])).toEqual([['d', 'src/modules/cases/cases.schema.ts']]);
  });

  it("lets a module reach another only through its public files, and cobuild's sub-modules count as modules", () => {
    const found = ruleViolations([
      edge('src/modules/cases/intake/routing.ts', 'src/modules/grid/grid.locate.ts'),
      edge('src/modules/cases/intake/routing.ts', 'src/modules/grid/grid.service.ts'),
      edge('src/modules/cobuild/needs/needs.service.ts', 'src/modules/cases/cases.policy.ts'),
      edge('src/modules/cobuild/needs/needs.export.ts', 'src/modules/cobuild/projects/projects.labels.ts'),
      edge('src/modules/cases/intake/intake.ts', 'src/modules/cases/dispatch/dispatch.ts'),
      edge('src/modules/index.ts', 'src/modules/cases/stats/stats.routes.ts'),
    ]);
    expect(found.map((f) => [f.rule, f.edge.to])).toEqual([
      ['e', 'src/modules/grid/grid.locate.ts'],
      ['e', 'src/modules/cobuild/projects/projects.labels.ts'],
    ]);
  });

  it('finds loops between modules with the file imports behind each step, not loops inside one module', () => {
    const edges = [
      edge('src/modules/grid/grid.schema.ts', 'src/modules/people/people.schema.ts'),
      edge('src/modules/people/people.schema.ts', 'src/modules/grid/grid.schema.ts', true),
      edge('src/modules/people/people.service.ts', 'src/modules/members/members.schema.ts'),
      edge('src/modules/members/members.policy.ts', 'src/modules/grid/grid.schema.ts'),
      edge('src/modules/cases/a.ts', 'src/modules/cases/b.ts'),
      edge('src/modules/cases/b.ts', 'src/modules/cases/a.ts'),
      edge('src/modules/cases/a.ts', 'src/modules/grid/grid.schema.ts'),
    ];
    const tangles = groupCycles(edges, moduleOf);
    expect(tangles).toHaveLength(1);
    expect(tangles[0].groups).toEqual(['grid', 'members', 'people']);
    expect(tangles[0].cycles.map((c) => c.path.join(' → '))).toEqual(['grid → people', 'grid → people → members']);
    const back = tangles[0].cycles[0].steps[1];
    expect(back).toMatchObject({ from: 'people', to: 'grid' });
    expect(back.edges).toEqual([edge('src/modules/people/people.schema.ts', 'src/modules/grid/grid.schema.ts', true)]);
  });

  it('reports nothing for a graph without loops, however long its chains', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => edge(`f${i}`, `f${i + 1}`));
    expect(groupCycles(chain, (f) => f)).toEqual([]);
    expect(groupCycles([...chain, edge('f5000', 'f0')], (f) => f)[0].groups).toHaveLength(5001);
  });
});
