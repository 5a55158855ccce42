import { Button, Select, Space } from 'antd';
import { useI18n } from '../../../i18n';
import type { Defaults, PairRef } from './api';

/** Unit–community pairs to pin or forbid: one row of two pickers each. */
export function PairList({
  value,
  onChange,
  defaults,
  addLabel,
  testId,
}: {
  value: PairRef[];
  onChange: (v: PairRef[]) => void;
  defaults: Defaults;
  addLabel: string;
  testId: string;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<PairRef>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div data-testid={testId}>
      {value.map((p, i) => (
        <Space.Compact key={i} style={{ width: '100%', marginBottom: 4 }}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: '55%' }}
            placeholder={t('pairing.settings.unit')}
            value={p.unitId || undefined}
            options={defaults.units.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(unitId: string) => set(i, { unitId })}
          />
          <Select
            style={{ width: '35%' }}
            placeholder={t('pairing.settings.community')}
            value={p.communityId || undefined}
            options={defaults.communities.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(communityId: string) => set(i, { communityId })}
          />
          <Button style={{ width: '10%' }} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ×
          </Button>
        </Space.Compact>
      ))}
      <Button size="small" onClick={() => onChange([...value, { unitId: '', communityId: '' }])}>
        {addLabel}
      </Button>
    </div>
  );
}
