// The pure part of scripts/check-deps.mjs: which module a file belongs to, the four rules, and cycles between
// modules. No file system here, so src/check-deps.test.ts checks it on small hand-made graphs.

/**
 * The module a file belongs to: `src/modules/<m>`, or `src/modules/cobuild/<sub>` for the co-building modules.
 * Core, seed, files at the root of src/, src/modules/ or src/modules/cobuild/ and the web are not modules (null).
 * @param {string} file a path relative to the repository root, with forward slashes
 * @returns {string | null}
 */
export function moduleOf(file) {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts[1] !== 'modules' || parts.length < 4) return null;
  if (parts[2] === 'cobuild') return parts.length >= 5 ? `cobuild/${parts[3]}` : null;
  return parts[2];
}

const ROLES_FILE = 'src/core/auth/roles.ts';

/** Files that must import nothing, so that the web can import them as values. */
export function isLeafFile(file) {
  return file === ROLES_FILE || /\.enums\.ts$/.test(file);
}

/**
 * A business rule shared by server and web (`*.rules.ts`: the password rule, the organisation tree's parents): it may
 * import only leaf files and contract types, so the web bundle gets the rule and nothing of the server.
 */
export function isSharedRule(file) {
  return /\.rules\.ts$/.test(file);
}

/** Server files the web may import: contracts, enums, shared rules and the role list. */
export function isWebImportable(file) {
  return file === ROLES_FILE || /\.(contracts|enums|rules)\.ts$/.test(file);
}

/**
 * What a module shows other modules: its tables (joins, foreign keys), contracts, enums, service exports, policy
 * answers, and named query files (`*.queries.ts`, `*.query.ts`, grid's data scope `*.scope.ts`).
 */
export function isModulePublic(file) {
  return /\.(schema|contracts|enums|service|policy|queries|query|scope)\.ts$/.test(file);
}

function isServerFile(file) {
  return file.startsWith('src/');
}

function isWebFile(file) {
  return file.startsWith('web/');
}

/**
 * The rule violations that are not cycles: (a) core imports a module or the seed, (c) a leaf file imports
 * anything, or a shared rule file anything but leaf files and contract types, (d) the web imports a server file that is not a contract, an enum file or the role list, (e) a module
 * imports another module's file that is not one of its public files (isModulePublic).
 * @param {{ from: string, to: string, typeOnly: boolean, external?: boolean }[]} edges
 *   `to` is a repository path for a local import, or the package name when `external` is set
 * @returns {{ rule: 'a' | 'c' | 'd' | 'e', edge: { from: string, to: string, typeOnly: boolean } }[]}
 */
export function ruleViolations(edges) {
  const found = [];
  for (const edge of edges) {
    if (isLeafFile(edge.from)) found.push({ rule: 'c', edge });
    else if (isSharedRule(edge.from) && !isLeafFile(edge.to) && !(edge.typeOnly && /\.contracts\.ts$/.test(edge.to)))
      found.push({ rule: 'c', edge });
    if (edge.external) continue;
    if (edge.from.startsWith('src/core/') && (edge.to.startsWith('src/modules/') || edge.to.startsWith('src/seed/')))
      found.push({ rule: 'a', edge });
    if (isWebFile(edge.from) && isServerFile(edge.to) && !isWebImportable(edge.to)) found.push({ rule: 'd', edge });
    const [from, to] = [moduleOf(edge.from), moduleOf(edge.to)];
    if (from && to && from !== to && !isModulePublic(edge.to)) found.push({ rule: 'e', edge });
  }
  return found;
}

/**
 * Strongly connected components of a directed graph (Tarjan, iterative so a long chain cannot overflow the stack).
 * @param {Map<string, Set<string>>} graph node → successors
 * @returns {string[][]} components, each with its nodes sorted
 */
export function stronglyConnected(graph) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work = [[root, [...(graph.get(root) ?? [])], 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, successors] = frame;
      if (frame[2] < successors.length) {
        const succ = successors[frame[2]++];
        if (!index.has(succ)) {
          index.set(succ, next);
          low.set(succ, next++);
          stack.push(succ);
          onStack.add(succ);
          work.push([succ, [...(graph.get(succ) ?? [])], 0]);
        } else if (onStack.has(succ)) low.set(node, Math.min(low.get(node), index.get(succ)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        components.push(component.sort());
      }
    }
  }
  return components;
}

/** The shortest path from `from` to `to` inside `allowed` (breadth first), as a list of nodes, or null. */
function shortestPath(graph, from, to, allowed) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node === to) {
      const path = [];
      for (let n = to; n !== null; n = previous.get(n)) path.unshift(n);
      return path;
    }
    for (const succ of graph.get(node) ?? []) {
      if (allowed.has(succ) && !previous.has(succ)) {
        previous.set(succ, node);
        queue.push(succ);
      }
    }
  }
  return null;
}

/** A cycle written from its smallest node, so the same loop always reads the same way. */
function canonical(cycle) {
  const start = cycle.indexOf([...cycle].sort()[0]);
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

/**
 * Cycles between groups of files (modules): for every group-level edge inside a strongly connected component, the
 * shortest loop through it unless an earlier loop already took that edge, each with the file-level imports that make
 * each of its steps. Not every elementary cycle (there can be exponentially many), but every edge that takes part in
 * a loop appears in one.
 * @param {{ from: string, to: string, typeOnly: boolean }[]} edges file-level imports
 * @param {(file: string) => string | null} groupOf the module of a file, null when it belongs to none
 * @returns {{ groups: string[], cycles: { path: string[], steps: { from: string, to: string, edges: object[] }[] }[] }[]}
 */
export function groupCycles(edges, groupOf) {
  const graph = new Map();
  const fileEdges = new Map();
  for (const edge of edges) {
    const from = groupOf(edge.from);
    const to = groupOf(edge.to);
    if (from === null || to === null || from === to) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from).add(to);
    const key = `${from}\0${to}`;
    fileEdges.set(key, [...(fileEdges.get(key) ?? []), edge]);
  }
  const result = [];
  for (const component of stronglyConnected(graph)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    // An edge already on a reported loop is not looked at again: loops stay few and a long ring costs one search.
    const covered = new Set();
    const cycles = [];
    for (const from of component) {
      for (const to of [...graph.get(from)].sort()) {
        if (!members.has(to) || covered.has(`${from}\0${to}`)) continue;
        const back = shortestPath(graph, to, from, members);
        const cycle = canonical([from, ...back.slice(0, -1)]);
        const steps = cycle.map((node, i) => {
          const succ = cycle[(i + 1) % cycle.length];
          covered.add(`${node}\0${succ}`);
          return { from: node, to: succ, edges: fileEdges.get(`${node}\0${succ}`) };
        });
        cycles.push({ path: cycle, steps });
      }
    }
    cycles.sort((x, y) => x.path.length - y.path.length || x.path.join().localeCompare(y.path.join()));
    result.push({ groups: component, cycles });
  }
  return result;
}
