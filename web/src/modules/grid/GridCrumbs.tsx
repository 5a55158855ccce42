import { Breadcrumb } from 'antd';
import { useI18n } from '../../i18n';
import type { useGrid } from './api';
import type { GridNav } from './useGridNav';

/** Where the map is drilled: the county, then each grid above the one shown, each a step back up. */
export function GridCrumbs({
  drillId,
  drillGrid,
  go,
}: {
  drillId: string | null;
  drillGrid: ReturnType<typeof useGrid>;
  go: GridNav;
}) {
  const { t } = useI18n();
  const crumbs = [
    { key: 'county', title: drillId ? <a onClick={() => go({ in: null })}>{t('grid.county')}</a> : t('grid.county') },
    ...(drillGrid.data?.path ?? []).map((p) => ({
      key: p.id,
      title: <a onClick={() => go({ in: p.id })}>{p.name}</a>,
    })),
    ...(drillId && drillGrid.data ? [{ key: drillGrid.data.id, title: drillGrid.data.name }] : []),
  ];
  return <Breadcrumb items={crumbs} />;
}
