import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { LoadError, Loading } from '../../ui/states';
import { useCase } from './api';
import { CaseActions } from './CaseActions';
import { CaseBasics } from './CaseBasics';
import { CaseDispatches } from './CaseDispatches';
import { CaseTimeline } from './CaseTimeline';
import { SlaBadges } from './SlaBadge';

// The map draws with ECharts: its own chunk, so the case's facts and actions do not wait for it.
const CaseMap = lazy(() => import('./CaseMap').then((m) => ({ default: m.CaseMap })));

/** 事件详情: the case, its clocks, where it is, its history, the units called in, and what this user may do now. */
export default function CasePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const q = useCase(id);
  const c = q.data;
  const back = can('cases.manage') ? '/cases' : '/unit-inbox';

  if (q.isLoading) return <Loading minHeight="50vh" />;
  if (q.isError || !c) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;

  return (
    <div className="page" data-testid="case-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Link to={back}>
            <Button icon={<ArrowLeftOutlined />} type="text" aria-label={t('cases.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">
            {c.number}
          </Typography.Title>
          <span data-testid="case-status" data-status={c.status}>
            <EnumTag group="caseStatus" value={c.status} />
          </span>
          <EnumTag group="casePriority" value={c.priority} />
          {c.whistle && <EnumTag group="whistle" value={c.whistle} />}
          {c.supervised && <Tag color="red">{t('cases.supervised')}</Tag>}
          {c.escalationLevel > 0 && <Tag color="volcano">{t('cases.escalation', { level: c.escalationLevel })}</Tag>}
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching}>
          {t('common.refresh')}
        </Button>
      </Flex>
      <Card size="small">
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {c.title}
          </Typography.Text>
          <SlaBadges c={c} testId="case-sla" />
          {c.mergedIntoId && (
            <Alert
              type="info"
              showIcon
              title={t('cases.mergedInto')}
              action={<Link to={`/cases/${c.mergedIntoId}`}>{t('cases.openMain')}</Link>}
            />
          )}
          <CaseActions c={c} onReload={() => void q.refetch()} />
        </Space>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('cases.basics')}>
              <CaseBasics c={c} />
            </Card>
            <Card size="small" title={t('cases.dispatches')}>
              <CaseDispatches c={c} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('cases.map')} styles={{ body: { padding: 0 } }}>
              <Suspense fallback={<Loading minHeight={260} />}>
                <CaseMap gridId={c.gridId} point={c.lng !== null && c.lat !== null ? [c.lng, c.lat] : null} />
              </Suspense>
            </Card>
            <Card size="small" title={t('cases.timeline')}>
              <CaseTimeline events={c.events} dispatches={c.dispatches} />
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
