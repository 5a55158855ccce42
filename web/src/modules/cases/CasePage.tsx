import { nowMs } from '../../ui/clock';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Image, Row, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { CaseDetail, CaseDispatch } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDateTime, formatPercent, formatShortDateTime } from '../../ui/format';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useGrid } from '../grid/api';
import { useCase } from './api';
import { CaseActions } from './CaseActions';
import { CaseTimeline } from './CaseTimeline';
import { useCategoryLabel } from './labels';
import { SlaBadges } from './SlaBadge';

// The map draws with ECharts: its own chunk, so the case's facts and actions do not wait for it.
const CaseMap = lazy(() => import('./CaseMap').then((m) => ({ default: m.CaseMap })));

function GridPath({ gridId, fallback }: { gridId: string; fallback: string }) {
  const grid = useGrid(gridId);
  const g = grid.data;
  if (!g) return <>{fallback}</>;
  return (
    <>
      {[...g.path.map((p) => p.name), g.name].join(' / ')}{' '}
      <Typography.Text type="secondary" className="mono">
        {g.code}
      </Typography.Text>
    </>
  );
}

function Photos({ photos, testId }: { photos: CaseDetail['photos']; testId: string }) {
  const { t } = useI18n();
  if (!photos.length) return <Typography.Text type="secondary">{t('cases.noPhotos')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid={testId}>
        {photos.map((p) => (
          <Image
            key={p.id}
            src={p.thumbUrl}
            preview={{ src: p.url }}
            width={96}
            height={96}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            alt={t('cases.photoPreview')}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

function Dispatches({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  return (
    <Table<CaseDispatch>
      size="small"
      rowKey="id"
      dataSource={c.dispatches}
      pagination={false}
      data-testid="case-dispatches"
      scroll={{ x: 720 }}
      locale={{ emptyText: <EmptyState description={t('cases.noDispatches')} /> }}
      columns={[
        { key: 'unit', title: t('cases.unit'), dataIndex: 'unitName' },
        {
          key: 'status',
          title: t('cases.status'),
          render: (_, d) => <EnumTag group="dispatchStatus" value={d.status} />,
        },
        { key: 'dispatchedAt', title: t('cases.dispatchedAt'), render: (_, d) => formatShortDateTime(d.dispatchedAt) },
        {
          key: 'ack',
          title: t('cases.acknowledgedAt'),
          render: (_, d) => {
            const late = d.acknowledgedAt
              ? Date.parse(d.acknowledgedAt) > Date.parse(d.responseDueAt)
              : nowMs() > Date.parse(d.responseDueAt) && d.status === 'pending';
            return <span style={late ? { color: '#cf1322' } : undefined}>{formatShortDateTime(d.acknowledgedAt)}</span>;
          },
        },
        { key: 'arrived', title: t('cases.arrivedAt'), render: (_, d) => formatShortDateTime(d.arrivedAt) },
        { key: 'done', title: t('cases.doneAt'), render: (_, d) => formatShortDateTime(d.doneAt) },
        {
          key: 'note',
          title: t('cases.reportNote'),
          render: (_, d) => d.reportNote ?? d.instructions ?? '—',
          ellipsis: true,
        },
      ]}
    />
  );
}

/** 事件详情: the case, its clocks, where it is, its history, the units called in, and what this user may do now. */
export default function CasePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const q = useCase(id);
  const categoryLabel = useCategoryLabel();
  const c = q.data;
  const back = can('cases.manage') ? '/cases' : '/unit-inbox';

  if (q.isLoading) return <Loading minHeight="50vh" />;
  if (q.isError || !c) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;

  const suggested =
    c.suggestedCategoryCode && c.suggestedCategoryCode !== c.categoryCode
      ? t('cases.suggestedVsConfirmed', {
          name: categoryLabel(c.suggestedCategoryCode),
          confidence: formatPercent(c.suggestedConfidence, 0),
        })
      : c.suggestedCategoryCode
        ? t('cases.sameAsSuggested', { confidence: formatPercent(c.suggestedConfidence, 0) })
        : null;

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
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  {
                    key: 'description',
                    label: t('cases.description'),
                    children: (
                      <span style={{ whiteSpace: 'pre-wrap' }} data-testid="case-description-text">
                        {c.description}
                      </span>
                    ),
                  },
                  {
                    key: 'category',
                    label: t('cases.category'),
                    children: (
                      <>
                        {categoryLabel(c.categoryCode, c.categoryName)}
                        {suggested && (
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {suggested}
                            </Typography.Text>
                          </div>
                        )}
                      </>
                    ),
                  },
                  { key: 'channel', label: t('cases.channel'), children: labelOf('caseChannel', c.channel) },
                  {
                    key: 'reporter',
                    label: t('cases.reporter'),
                    children: (
                      <>
                        {c.reporterName ?? '—'}{' '}
                        {c.reporterPhone && <span className="mono muted">{c.reporterPhone}</span>}
                      </>
                    ),
                  },
                  { key: 'reportedAt', label: t('cases.reportedAt'), children: formatDateTime(c.reportedAt) },
                  {
                    key: 'grid',
                    label: t('cases.gridPath'),
                    children: <GridPath gridId={c.gridId} fallback={`${c.communityName} / ${c.gridName}`} />,
                  },
                  { key: 'owner', label: t('cases.owner'), children: c.ownerName ?? '—' },
                  { key: 'address', label: t('cases.address'), children: c.address ?? '—' },
                  {
                    key: 'photos',
                    label: t('cases.photos'),
                    children: <Photos photos={c.photos.filter((p) => p.kind === 'report')} testId="case-photos" />,
                  },
                  ...(c.photos.some((p) => p.kind !== 'report')
                    ? [
                        {
                          key: 'resolutionPhotos',
                          label: t('cases.resolutionPhotos'),
                          children: (
                            <Photos
                              photos={c.photos.filter((p) => p.kind !== 'report')}
                              testId="case-resolution-photos"
                            />
                          ),
                        },
                      ]
                    : []),
                  ...(c.satisfaction
                    ? [
                        {
                          key: 'rating',
                          label: t('cases.rating'),
                          children: (
                            <>
                              <EnumTag group="satisfaction" value={c.satisfaction} />
                              {c.ratedByPhoneVisit && (
                                <Typography.Text type="secondary">{t('cases.ratingByPhone')}</Typography.Text>
                              )}
                              {c.ratingComment && <div>{c.ratingComment}</div>}
                            </>
                          ),
                        },
                      ]
                    : []),
                  ...(c.mergedCaseIds.length
                    ? [
                        {
                          key: 'merged',
                          label: t('cases.mergedCases', { count: c.mergedCaseIds.length }),
                          children: (
                            <Space wrap>
                              {c.mergedCaseIds.map((m) => (
                                <Link key={m} to={`/cases/${m}`}>
                                  {t('cases.open')}
                                </Link>
                              ))}
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title={t('cases.dispatches')}>
              <Dispatches c={c} />
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
              <CaseTimeline events={c.events} />
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
