import { ApartmentOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Descriptions, Space } from 'antd';
import type { GridDetail as GridDetailView } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatNumber } from '../../ui/format';
import { GridDuties, GridResidents } from './GridDetailSections';

interface Props {
  grid: GridDetailView;
  /** The map already shows this grid's children. */
  drilled: boolean;
  onSelect: (id: string) => void;
  onDrill: (id: string) => void;
}

/** A grid: code, level, where it sits, who is on duty there and who lives there. */
export function GridDetail({ grid, drilled, onSelect, onDrill }: Props) {
  const { t } = useI18n();
  const { can } = useSession();

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <EnumTag group="gridLevel" value={grid.level} />
        <EnumTag group="gridKind" value={grid.kind} />
        {grid.childCount > 0 && !drilled && (
          <Button
            size="small"
            type="primary"
            ghost
            icon={<ApartmentOutlined />}
            onClick={() => onDrill(grid.id)}
            data-testid="grid-drill"
          >
            {t('grid.drillIn')}
          </Button>
        )}
      </Space>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
        items={[
          { key: 'code', label: t('grid.code'), children: <span className="mono">{grid.code}</span> },
          { key: 'community', label: t('grid.community'), children: grid.communityName },
          {
            key: 'path',
            label: t('grid.path'),
            children: grid.path.length ? (
              <Breadcrumb
                items={grid.path.map((p) => ({ key: p.id, title: <a onClick={() => onSelect(p.id)}>{p.name}</a> }))}
              />
            ) : (
              '—'
            ),
          },
          { key: 'children', label: t('grid.childCount'), children: formatNumber(grid.childCount) },
          { key: 'people', label: t('grid.peopleCount'), children: formatNumber(grid.peopleCount) },
        ]}
      />

      <GridDuties gridId={grid.id} />
      {can('people.read') && <GridResidents grid={grid} />}
    </>
  );
}
