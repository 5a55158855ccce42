import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { formatPercent } from '../../../ui/format';
import type { Objective, PlanDetail, Violation } from './api';

/** The objective per principle (four cards) and, after hand edits, the constraints the plan breaks. */
export function PlanSummary({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const o = plan.objective;
  return (
    <>
      {o && <ObjectiveCards objective={o} />}
      {plan.violations.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="plan-violations"
          message={t('pairing.warnings', { count: plan.violations.length })}
          description={<ViolationList plan={plan} violations={plan.violations} />}
        />
      )}
    </>
  );
}

export function ObjectiveCards({ objective: o, compact = false }: { objective: Objective; compact?: boolean }) {
  const { t } = useI18n();
  const cards = [
    {
      key: 'allocation',
      value: `${o.allocation.unitsPaired}/${o.allocation.units}`,
      help: t('pairing.principleHelp.allocation', {
        paired: o.allocation.unitsPaired,
        units: o.allocation.units,
        pairs: o.allocation.pairs,
      }),
      weighted: null,
    },
    {
      key: 'balance',
      value: `${o.balance.minUnits}–${o.balance.maxUnits}`,
      help: t('pairing.principleHelp.balance', { ...o.balance }),
      weighted: o.balance.weighted,
    },
    {
      key: 'complement',
      value: formatPercent(o.complement.coverage),
      help: t('pairing.principleHelp.complement', { coverage: formatPercent(o.complement.coverage) }),
      weighted: o.complement.weighted,
    },
    {
      key: 'distance',
      value: `${o.distance.meanKm.toFixed(2)} km`,
      help: t('pairing.principleHelp.distance', {
        mean: o.distance.meanKm.toFixed(2),
        max: o.distance.maxKm.toFixed(2),
      }),
      weighted: o.distance.weighted,
    },
  ] as const;
  return (
    <Row gutter={[8, 8]} data-testid="objective-cards">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={compact ? 12 : 6}>
          <Card size="small">
            <Statistic
              title={t(`pairing.principles.${c.key}`)}
              value={c.value}
              valueStyle={{ fontSize: compact ? 16 : 20 }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.help}
            </Typography.Text>
            {c.weighted !== null && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('pairing.weighted', { value: c.weighted.toFixed(4) })}
                </Typography.Text>
              </div>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function ViolationList({ plan, violations }: { plan: PlanDetail; violations: Violation[] }) {
  const { t } = useI18n();
  const unit = new Map(plan.units.map((u) => [u.id, u.name]));
  const community = new Map(plan.communities.map((c) => [c.id, c.name]));
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {violations.slice(0, 20).map((v, i) => (
        <li key={i}>
          {t(`pairing.violation.${v.code}`, {
            unit: unit.get(v.unitId ?? '') ?? '',
            community: community.get(v.communityId ?? '') ?? '',
            actual: v.actual,
            limit: v.limit,
          })}
        </li>
      ))}
    </ul>
  );
}
