import { Checkbox, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { OrganisationView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import type { usePairedUnits, useUnitSearch } from './api';

// Separate components, not one: the dialog's <Space> spaces each of its children, so each part stays a child of it.

/** What the dialog keeps of a chosen unit: a paired unit comes with its name only. */
export type UnitChoice = Pick<OrganisationView, 'id' | 'name'>;

interface UnitListProps {
  units: ReturnType<typeof useUnitSearch>;
  /** Units paired with the case's community: tagged 结对 in the search results. */
  pairedIds: ReadonlySet<string>;
  chosen: Map<string, UnitChoice>;
  onToggle: (u: UnitChoice, on: boolean) => void;
}

/** The units paired with the case's community this year, first and ticked like the others. */
export function PairedUnitList({
  paired,
  chosen,
  onToggle,
}: Pick<UnitListProps, 'chosen' | 'onToggle'> & { paired: ReturnType<typeof usePairedUnits> }) {
  const { t } = useI18n();
  return (
    <div data-testid="whistle-paired">
      <Typography.Text strong>{t('whistleRules.pairedUnits')}</Typography.Text>
      {paired.isLoading ? (
        <Spin size="small" style={{ marginInlineStart: 8 }} />
      ) : (paired.data?.length ?? 0) === 0 ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {paired.isError ? t('common.loadFailed') : t('whistleRules.noPairedUnits')}
        </Typography.Text>
      ) : (
        <div className="whistle-units" style={{ maxHeight: 140 }}>
          {paired.data?.map((u) => (
            <label
              key={u.id}
              className={`whistle-unit${chosen.has(u.id) ? ' chosen' : ''}`}
              data-testid={`whistle-paired-${u.id}`}
            >
              <Checkbox checked={chosen.has(u.id)} onChange={(e) => onToggle(u, e.target.checked)} />
              <span className="whistle-unit-name">{u.name}</span>
              <Tag color="green">{t('whistleRules.paired')}</Tag>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}

/** The units found, each with a tick box, 结对 when paired, and up to three of its strengths. */
export function WhistleUnitList({ units, pairedIds, chosen, onToggle }: UnitListProps) {
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
              {pairedIds.has(u.id) && (
                <Tag color="green" style={{ marginInlineEnd: 2 }}>
                  {t('whistleRules.paired')}
                </Tag>
              )}
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
export function ChosenUnits({ chosen, onToggle }: Pick<UnitListProps, 'chosen' | 'onToggle'>) {
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
