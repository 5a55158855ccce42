import { Card, Col, Dropdown, Row, Select, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import type { PairChange, PairView, PlanDetail } from './api';

const SOURCE_COLOUR: Record<PairView['source'], string> = { optimiser: 'blue', manual: 'orange', pinned: 'purple' };

function Explanation({ pair }: { pair: PairView }) {
  const { t, label } = useI18n();
  const e = pair.explanation;
  if (!e) return <span>{pair.unitName}</span>;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <div style={{ maxWidth: 280 }}>
      <div>
        <b>{pair.unitName}</b>
        {pair.unitLeader ? ` · ${pair.unitLeader}` : ''}
      </div>
      <div>{t('pairing.explanation', { km: e.distanceKm.toFixed(2), met: pct(e.needsMet) })}</div>
      <div>
        {e.matched.length
          ? `${t('pairing.matched')}：${e.matched.map((m) => `${label('strength', m.tag)} ${pct(m.share)}`).join('、')}`
          : t('pairing.noMatch')}
      </div>
      <div>{t('pairing.terms', { d: e.terms.distance.toFixed(5), c: e.terms.complement.toFixed(5) })}</div>
    </div>
  );
}

interface PairTagProps {
  pair: PairView;
  plan: PlanDetail;
  communityId: string;
  editable: boolean;
  busy?: boolean;
  onChange?: (change: PairChange) => void;
}

/** One unit paired with the community (hover: why); on a draft, a click offers to move it elsewhere or remove it. */
function PairTag({ pair, plan, communityId, editable, busy, onChange }: PairTagProps) {
  const { t } = useI18n();
  const tag = (
    <Tooltip title={<Explanation pair={pair} />}>
      <Tag color={SOURCE_COLOUR[pair.source]} style={{ marginBottom: 4, cursor: editable ? 'pointer' : 'default' }}>
        {pair.unitName}
      </Tag>
    </Tooltip>
  );
  if (!editable) return <span>{tag}</span>;
  const items = [
    ...plan.communities
      .filter((o) => o.id !== communityId)
      .map((o) => ({ key: `move:${o.id}`, label: `${t('pairing.edit.move')} ${o.name}` })),
    { key: 'remove', danger: true, label: t('pairing.edit.remove') },
  ];
  return (
    <Dropdown
      trigger={['click']}
      disabled={busy}
      menu={{
        items,
        style: { maxHeight: 320, overflow: 'auto' },
        onClick: ({ key }) =>
          onChange?.(
            key === 'remove'
              ? { op: 'remove', unitId: pair.unitId, communityId }
              : { op: 'move', unitId: pair.unitId, fromCommunityId: communityId, toCommunityId: key.slice(5) },
          ),
      }}
    >
      {tag}
    </Dropdown>
  );
}

/**
 * The plan as a matrix grouped by community: one row per community with its units (hover: why this pair). On a
 * draft each unit can be moved or removed and units added; each change is saved at once and re-scored.
 */
export function PlanMatrix({
  plan,
  onChange,
  busy,
}: {
  plan: PlanDetail;
  onChange?: (change: PairChange) => void;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const byCommunity = useMemo(() => {
    const m = new Map<string, PairView[]>();
    for (const p of plan.pairs) m.set(p.communityId, [...(m.get(p.communityId) ?? []), p]);
    return m;
  }, [plan.pairs]);
  const headcount = new Map(plan.units.map((u) => [u.id, u.headcount]));
  const editable = !!onChange && plan.status === 'draft';
  return (
    <Row gutter={[8, 8]} data-testid="plan-matrix">
      {plan.communities.map((c) => {
        const pairs = byCommunity.get(c.id) ?? [];
        const members = pairs.reduce((s, p) => s + (headcount.get(p.unitId) ?? 0), 0);
        return (
          <Col key={c.id} xs={24} lg={12}>
            <Card
              size="small"
              title={c.name}
              extra={
                <Typography.Text type="secondary">
                  {pairs.length} · {members}
                </Typography.Text>
              }
            >
              {pairs.map((p) => (
                <PairTag
                  key={p.id}
                  pair={p}
                  plan={plan}
                  communityId={c.id}
                  editable={editable}
                  busy={busy}
                  onChange={onChange}
                />
              ))}
              {editable && (
                <Select
                  size="small"
                  showSearch
                  value={null}
                  placeholder={t('pairing.edit.addPlaceholder')}
                  style={{ width: '100%', marginTop: 4 }}
                  disabled={busy}
                  optionFilterProp="label"
                  options={plan.units
                    .filter((u) => !pairs.some((p) => p.unitId === u.id))
                    .map((u) => ({ value: u.id, label: u.name }))}
                  onChange={(unitId: string | null) => unitId && onChange?.({ op: 'add', unitId, communityId: c.id })}
                />
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
