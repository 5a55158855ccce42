import { Checkbox, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { OrganisationView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import type { useUnitSearch } from './api';

// Two components, not one: the dialog's <Space> spaces each of its children, so each part stays a child of it.

interface UnitListProps {
  units: ReturnType<typeof useUnitSearch>;
  chosen: Map<string, OrganisationView>;
  onToggle: (u: OrganisationView, on: boolean) => void;
}

/** The units found, each with a tick box and up to three of its strengths. */
export function WhistleUnitList({ units, chosen, onToggle }: UnitListProps) {
  const { t } = useI18n();
  return (
    <div className="whistle-units" data-testid="whistle-units">
      {units.isLoading ? (
        <div className="state-center" style={{ minHeight: 120 }}>
          <Spin />
        </div>
      ) : (units.data?.items.length ?? 0) === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={units.isError ? t('common.loadFailed') : t('common.empty')}
        />
      ) : (
        units.data?.items.map((u) => (
          <label
            key={u.id}
            className={`whistle-unit${chosen.has(u.id) ? ' chosen' : ''}`}
            data-testid={`whistle-unit-${u.id}`}
          >
            <Checkbox checked={chosen.has(u.id)} onChange={(e) => onToggle(u, e.target.checked)} />
            <span className="whistle-unit-name">{u.name}</span>
            <span className="whistle-unit-tags">
              {u.strengths.slice(0, 3).map((s) => (
                <Tag key={s} style={{ marginInlineEnd: 2 }}>
                  {labelOf('strength', s)}
                </Tag>
              ))}
            </span>
          </label>
        ))
      )}
    </div>
  );
}

/** The units chosen so far, as tags that can be closed. */
export function ChosenUnits({ chosen, onToggle }: Omit<UnitListProps, 'units'>) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">{t('cases.unitsChosen', { count: chosen.size })}:</Typography.Text>
      {[...chosen.values()].map((u) => (
        <Tag key={u.id} color="red" closable onClose={() => onToggle(u, false)}>
          {u.name}
        </Tag>
      ))}
    </Space>
  );
}
