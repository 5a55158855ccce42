import { Card, Col, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { formatDateTime, formatNumber, formatPercent } from '../../../ui/format';
import type { RunView } from './api';
import { PRIORITY_COLOURS } from './parts';

/** A run's figures: sizes, weighted coverage, proof of optimality (bound and gap), time, coverage per priority. */
export function RunFigures({ run }: { run: RunView }) {
  const { t } = useI18n();
  const s = run.stats;
  const optimal = run.gap !== null && run.gap < 1e-9;
  return (
    <Card
      size="small"
      data-testid="run-figures"
      title={
        <>
          {formatDateTime(run.createdAt)} · {run.communityName ?? t('needs.run.countyWide')} ·{' '}
          {t(`needs.run.solvers.${run.solver as 'flow'}`)}
        </>
      }
      extra={
        optimal ? (
          <Tag color="success">{t('needs.run.optimal')}</Tag>
        ) : run.gap !== null ? (
          <Tag>
            {t('needs.run.gap')} {formatPercent(run.gap, 3)}
          </Tag>
        ) : null
      }
    >
      <Row gutter={[12, 12]}>
        <Col xs={12} md={4}>
          <Statistic title={t('needs.run.coverage')} value={formatPercent(s?.weightedCoverage ?? 0)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('needs.run.needs')} value={formatNumber(s?.needs ?? 0)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('needs.run.needsCovered')}
            value={`${formatNumber(s?.needsCovered ?? 0)} / ${formatNumber(s?.needsServed ?? 0)}`}
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('needs.run.resources')} value={formatNumber(s?.resources ?? 0)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('needs.run.candidates')} value={formatNumber(s?.candidates ?? 0)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('needs.run.time')} value={`${formatNumber(run.elapsedMs ?? 0)} ms`} />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px' }}>
        {t('needs.run.objective')} {formatNumber(run.objective ?? 0)} · {t('needs.run.bound')}{' '}
        {formatNumber(run.bound ?? 0)} · {t('needs.run.byPriority')}
      </Typography.Text>
      {s?.candidates === 0 && <Typography.Text type="warning">{t('needs.run.noCandidates')}</Typography.Text>}
      <Row gutter={[12, 4]}>
        {(s?.byPriority ?? [])
          .filter((b) => b.needs > 0)
          .map((b) => (
            <Col xs={24} md={12} key={b.priority}>
              <span style={{ display: 'inline-block', width: 72 }}>
                {t(`needs.priorities.p${b.priority}` as 'needs.priorities.p1')}
              </span>
              <Progress
                percent={Math.round(b.coverage * 100)}
                size="small"
                strokeColor={PRIORITY_COLOURS[b.priority]}
                style={{ width: 'calc(100% - 150px)', margin: 0 }}
              />
              <Typography.Text type="secondary">
                {' '}
                {b.covered}/{b.needs}
              </Typography.Text>
            </Col>
          ))}
      </Row>
    </Card>
  );
}
