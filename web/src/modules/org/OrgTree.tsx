import { Input, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState, type Key } from 'react';
import type { OrgTreeNode } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useOrgTree } from './api';

/** Keeps the nodes whose name or code matches, with their ancestors; collects what to expand. */
function filterTree(nodes: OrgTreeNode[], q: string, expand: string[]): OrgTreeNode[] {
  const out: OrgTreeNode[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, q, expand);
    const hit = n.name.includes(q) || (n.code ?? '').toLowerCase().includes(q.toLowerCase());
    if (hit || children.length) {
      if (children.length) expand.push(n.id);
      out.push({ ...n, children: hit && !children.length ? n.children : children });
    }
  }
  return out;
}

function OrgTitle({ node }: { node: OrgTreeNode }) {
  useI18n(); // re-render the kind label when the language changes
  return (
    <span>
      {node.name}{' '}
      <span className="muted" style={{ fontSize: 12 }}>
        {labelOf('orgKind', node.kind)}
      </span>
    </span>
  );
}

function toTreeData(nodes: OrgTreeNode[]): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.id,
    title: <OrgTitle node={n} />,
    children: toTreeData(n.children),
  }));
}

export function OrgTree({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const tree = useOrgTree();
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);

  const { data, searchExpand } = useMemo(() => {
    const expand: string[] = [];
    const source = tree.data ?? [];
    const filtered = q.trim() ? filterTree(source, q.trim(), expand) : source;
    return { data: toTreeData(filtered), searchExpand: expand };
  }, [tree.data, q]);

  // By default open the county and towns (the first two levels); a search opens what matched.
  const defaultExpand = useMemo(
    () => (tree.data ?? []).flatMap((n) => [n.id, ...n.children.map((c) => c.id)]),
    [tree.data],
  );
  const expandedKeys = q.trim() ? searchExpand : (expanded ?? defaultExpand);

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('org.searchTree')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="org-tree-search"
      />
      <div className="tree-scroll" data-testid="org-tree">
        {tree.isLoading ? (
          <Loading />
        ) : tree.isError ? (
          <LoadError error={tree.error} onRetry={() => void tree.refetch()} compact />
        ) : data.length === 0 ? (
          <EmptyState />
        ) : (
          <Tree
            treeData={data}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys)}
            onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
            blockNode
          />
        )}
      </div>
    </>
  );
}
