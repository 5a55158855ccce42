import { Input, Tree, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState, type Key } from 'react';
import type { GridTreeNode, GridView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { fetchGridChildren, useGridSearch, useGridTree } from './api';

interface Props {
  selectedId: string | null;
  /** Ancestors of the selected grid (community first): opened in the tree so the selection is visible. */
  selectedPath?: { id: string; level: number }[];
  onSelect: (id: string) => void;
}

type Loaded = Record<string, GridView[]>;

function buildTree(nodes: GridTreeNode[], loaded: Loaded): TreeDataNode[] {
  return nodes.map((n) => {
    const fromTree = n.children.length ? buildTree(n.children, loaded) : null;
    const lazy = loaded[n.id];
    const children = fromTree ?? (lazy ? buildLazy(lazy, loaded) : undefined);
    return { key: n.id, title: n.name, children, isLeaf: n.level >= 4 || (lazy !== undefined && lazy.length === 0) };
  });
}

function buildLazy(items: GridView[], loaded: Loaded): TreeDataNode[] {
  return items.map((g) => {
    const lazy = loaded[g.id];
    return {
      key: g.id,
      title: g.name,
      isLeaf: g.level >= 4 || g.childCount === 0,
      children: lazy ? buildLazy(lazy, loaded) : undefined,
    };
  });
}

/** The search's answer: loading, error, none, or the matching grids with code, community and level. */
function GridSearchHits({
  search,
  onSelect,
}: {
  search: ReturnType<typeof useGridSearch>;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  if (search.isLoading) return <Loading />;
  if (search.isError) return <LoadError error={search.error} compact />;
  if ((search.data?.items.length ?? 0) === 0) return <EmptyState description={t('grid.noResults')} />;
  return (
    <div role="list" aria-label={t('grid.results')}>
      {search.data?.items.map((g) => (
        <div
          key={g.id}
          role="listitem"
          className="search-hit"
          onClick={() => onSelect(g.id)}
          onKeyDown={(e) => e.key === 'Enter' && onSelect(g.id)}
          tabIndex={0}
        >
          <span>
            {g.name}
            <br />
            <span className="muted mono" style={{ fontSize: 12 }}>
              {g.code} · {g.communityName}
            </span>
          </span>
          <EnumTag group="gridLevelShort" value={g.level} />
        </div>
      ))}
    </div>
  );
}

/** The grid tree (communities and level-2 grids first, deeper levels as they are opened), with a search. */
export function GridTreePanel({ selectedId, selectedPath, onSelect }: Props) {
  const { t } = useI18n();
  const tree = useGridTree(undefined, 2);
  const [loaded, setLoaded] = useState<Loaded>({});
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [q, setQ] = useState('');
  const search = useGridSearch(q.trim());

  // Open the selected grid's ancestors, loading the levels the first tree request did not include.
  const pathKey = (selectedPath ?? []).map((p) => p.id).join('/');
  useEffect(() => {
    if (!selectedPath?.length) return;
    let cancelled = false;
    void (async () => {
      const deeper = selectedPath.filter((p) => p.level >= 2 && !loaded[p.id]);
      const fetched = await Promise.all(
        deeper.map(async (p) => [p.id, (await fetchGridChildren(p.id)).items] as const),
      ).catch(() => []);
      if (cancelled) return;
      if (fetched.length) setLoaded((prev) => ({ ...Object.fromEntries(fetched), ...prev }));
      setExpanded((prev) => [...new Set([...prev, ...selectedPath.map((p) => p.id)])]);
    })();
    return () => {
      cancelled = true;
    };
    // pathKey stands for selectedPath, which is a new array whenever the detail is refetched.
  }, [pathKey]);

  const data = useMemo(() => buildTree(tree.data ?? [], loaded), [tree.data, loaded]);

  const loadData = async (node: { key: Key; children?: unknown[] }) => {
    const id = String(node.key);
    if (node.children || loaded[id]) return;
    const page = await fetchGridChildren(id);
    setLoaded((prev) => ({ ...prev, [id]: page.items }));
  };

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('grid.searchTree')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="grid-search"
      />
      <div className="map-side-list" data-testid="grid-tree">
        {q.trim() ? (
          <GridSearchHits search={search} onSelect={onSelect} />
        ) : tree.isLoading ? (
          <Loading />
        ) : tree.isError ? (
          <LoadError error={tree.error} onRetry={() => void tree.refetch()} compact />
        ) : data.length === 0 ? (
          <EmptyState />
        ) : (
          <Tree
            treeData={data}
            loadData={loadData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys)}
            onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
            blockNode
          />
        )}
      </div>
    </>
  );
}
