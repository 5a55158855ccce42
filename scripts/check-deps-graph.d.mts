// Types for scripts/check-deps-graph.mjs, so src/check-deps.test.ts type-checks without allowJs.
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
  external?: boolean;
}
export interface CycleStep {
  from: string;
  to: string;
  edges: ImportEdge[];
}
export interface Tangle {
  groups: string[];
  cycles: { path: string[]; steps: CycleStep[] }[];
}
export function moduleOf(file: string): string | null;
export function isLeafFile(file: string): boolean;
export function isWebImportable(file: string): boolean;
export function isSharedRule(file: string): boolean;
export function isModulePublic(file: string): boolean;
export function ruleViolations(edges: ImportEdge[]): { rule: 'a' | 'c' | 'd' | 'e'; edge: ImportEdge }[];
export function stronglyConnected(graph: Map<string, Set<string>>): string[][];
export function groupCycles(edges: ImportEdge[], groupOf: (file: string) => string | null): Tangle[];
