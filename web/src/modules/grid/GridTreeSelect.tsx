import { TreeSelect } from 'antd';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { GridTreeNode } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { fetchGridChildren, useGridTree } from './api';

interface FlatNode {
  id: string;
  pId: string;
  value: string;
  title: string;
  isLeaf?: boolean;
}

interface Props {
  /** With a community: its whole grid tree. Without: communities and level-2 grids, deeper levels on demand. */
  communityId?: string | null;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
}

const ROOT = '#root';

function flatten(nodes: GridTreeNode[], parent: string, complete: boolean, out: FlatNode[]): FlatNode[] {
  for (const n of nodes) {
    const leaf = n.level >= 4 || (complete && n.children.length === 0);
    out.push({ id: n.id, pId: parent, value: n.id, title: n.name, isLeaf: leaf || undefined });
    flatten(n.children, n.id, complete, out);
  }
  return out;
}

/** Choose a grid from the four-level tree. */
export function GridTreeSelect({ communityId, value, onChange, placeholder, style, testId }: Props) {
  const { t } = useI18n();
  const complete = !!communityId;
  const tree = useGridTree(communityId ?? undefined, complete ? undefined : 2);
  const [loaded, setLoaded] = useState<FlatNode[]>([]);
  useEffect(() => setLoaded([]), [communityId]);

  const nodes = useMemo(() => {
    const base = flatten(tree.data ?? [], ROOT, complete, []);
    const seen = new Set(base.map((n) => n.id));
    return [...base, ...loaded.filter((n) => !seen.has(n.id))];
  }, [tree.data, complete, loaded]);

  const loadData = async (node: { value?: string | number }) => {
    const parentId = String(node.value ?? '');
    if (!parentId || nodes.some((n) => n.pId === parentId)) return;
    const page = await fetchGridChildren(parentId);
    setLoaded((prev) => [
      ...prev,
      ...page.items.map((g) => ({
        id: g.id,
        pId: parentId,
        value: g.id,
        title: g.name,
        isLeaf: g.childCount === 0 || undefined,
      })),
    ]);
  };

  return (
    <TreeSelect<string>
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: ROOT }}
      treeData={nodes}
      loadData={complete ? undefined : loadData}
      placeholder={placeholder ?? t('common.selectPlaceholder')}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      loading={tree.isLoading}
      style={style}
      notFoundContent={tree.isError ? t('common.loadFailed') : undefined}
    />
  );
}
