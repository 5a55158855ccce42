import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Input, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import { VERDICTS, type EvaluationItemView, type Verdict } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { useFeedback } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { can } from '../../auth/access';
import { useSession as useLogin } from '../../auth/session';
import { recordPdfUrl, useEvaluationWrites, useSession } from './api';

const names = (text: string) =>
  text
    .split(/[,，、\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** One evaluation session: each matter with the representatives' verdict, who came, the minutes, hold, print. */
export default function EvaluationSessionPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const feedback = useFeedback();
  const { me } = useLogin();
  const q = useSession(id);
  const { verdict, update, hold } = useEvaluationWrites(id);
  const s = q.data;
  const [representatives, setRepresentatives] = useState('');
  const [minutes, setMinutes] = useState('');
  const [comments, setComments] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!s) return;
    setRepresentatives(s.representatives.join('，'));
    setMinutes(s.minutes ?? '');
  }, [s]);

  if (q.isLoading) return <Loading minHeight="50vh" />;
  if (q.isError || !s) {
    const missing = q.error instanceof ApiError && q.error.status === 404;
    return missing ? (
      <Alert type="warning" showIcon title={t('evaluations.unavailable')} description={errorMessage(q.error)} />
    ) : (
      <LoadError error={q.error} onRetry={() => void q.refetch()} />
    );
  }
  // Held sessions are final; grid workers only read.
  const held = s.status === 'held' || !can(me, 'evaluations.manage');

  const save = async (item: EvaluationItemView, next: { verdict?: Verdict; comment?: string | null }) => {
    const v = next.verdict ?? (item.verdict === 'pending' ? null : item.verdict);
    if (!v) return;
    try {
      await verdict.mutateAsync({
        itemId: item.id,
        verdict: v,
        comment: next.comment !== undefined ? next.comment : item.comment,
      });
      feedback.success(t('evaluations.verdictSaved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const info = () => ({ representatives: names(representatives), minutes: minutes.trim() || null, version: s.version });
  const saveInfo = async () => {
    try {
      await update.mutateAsync(info());
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const doHold = async () => {
    try {
      await hold.mutateAsync(info());
      feedback.success(t('evaluations.held'));
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <div className="page" data-testid="evaluation-session">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Link to="/evaluations">
            <Button icon={<ArrowLeftOutlined />} type="text" aria-label={t('evaluations.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('evaluations.detailTitle', { community: s.communityName ?? '', date: formatDate(s.heldOn) })}
          </Typography.Title>
          <EnumTag group="evaluationStatus" value={s.status} />
          <Typography.Text type="secondary">
            {t('evaluations.period')}：{formatDate(s.periodFrom)} ~ {formatDate(s.periodTo)}
          </Typography.Text>
        </Space>
        <Space wrap>
          <a href={recordPdfUrl(s.id)} target="_blank" rel="noreferrer" data-testid="evaluation-print">
            <Button icon={<PrinterOutlined />}>{t('evaluations.print')}</Button>
          </a>
          {!held && s.status !== 'held' && (
            <Popconfirm
              title={t('evaluations.holdConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => doHold()}
            >
              <Button type="primary" loading={hold.isPending} data-testid="evaluation-hold">
                {t('evaluations.hold')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('evaluations.items')} className="list-card">
            <Table<EvaluationItemView>
              rowKey="id"
              size="small"
              dataSource={s.items}
              pagination={false}
              scroll={{ x: 720 }}
              data-testid="evaluation-items"
              locale={{ emptyText: <EmptyState description={t('evaluations.noItems')} /> }}
              columns={[
                {
                  key: 'case',
                  title: t('cases.caseTitle'),
                  render: (_, it) => (
                    <Space orientation="vertical" size={0}>
                      <Link to={`/cases/${it.caseId}`} className="mono">
                        {it.caseNumber ?? it.caseId.slice(0, 8)}
                      </Link>
                      <span>{it.caseTitle ?? ''}</span>
                    </Space>
                  ),
                },
                {
                  key: 'kind',
                  title: t('evaluations.kind'),
                  width: 80,
                  render: (_, it) => t(it.kind === 'raised' ? 'evaluations.kindRaised' : 'evaluations.kindHandled'),
                },
                {
                  key: 'status',
                  title: t('cases.status'),
                  width: 100,
                  render: (_, it) => <EnumTag group="caseStatus" value={it.caseStatus} />,
                },
                {
                  key: 'rating',
                  title: t('evaluations.reporterRating'),
                  width: 100,
                  responsive: ['lg'],
                  render: (_, it) => (it.satisfaction ? <EnumTag group="satisfaction" value={it.satisfaction} /> : '—'),
                },
                {
                  key: 'verdict',
                  title: t('evaluations.verdict'),
                  width: 150,
                  render: (_, it) => (
                    <Select<Verdict>
                      value={it.verdict === 'pending' ? undefined : it.verdict}
                      placeholder={labelOf('verdict', 'pending')}
                      disabled={held}
                      style={{ width: '100%' }}
                      onChange={(v) => void save(it, { verdict: v })}
                      data-testid={`verdict-${it.id}`}
                      options={VERDICTS.map((v) => ({ value: v, label: labelOf('verdict', v) }))}
                    />
                  ),
                },
                {
                  key: 'comment',
                  title: t('evaluations.comment'),
                  render: (_, it) => (
                    <Input
                      value={comments[it.id] ?? it.comment ?? ''}
                      disabled={held}
                      maxLength={500}
                      onChange={(e) => setComments((c) => ({ ...c, [it.id]: e.target.value }))}
                      onBlur={() => {
                        if (comments[it.id] !== undefined && comments[it.id] !== (it.comment ?? ''))
                          void save(it, { comment: comments[it.id] || null });
                      }}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('evaluations.representatives')}>
            <Input.TextArea
              rows={3}
              value={representatives}
              disabled={held}
              onChange={(e) => setRepresentatives(e.target.value)}
              placeholder={t('evaluations.representativesHint')}
              data-testid="evaluation-representatives"
            />
          </Card>
          <Card size="small" title={t('evaluations.minutes')} style={{ marginTop: 12 }}>
            <Input.TextArea
              rows={8}
              value={minutes}
              disabled={held}
              onChange={(e) => setMinutes(e.target.value)}
              maxLength={20000}
              data-testid="evaluation-minutes"
            />
            {!held && (
              <Button
                style={{ marginTop: 8 }}
                onClick={() => void saveInfo()}
                loading={update.isPending}
                data-testid="evaluation-save-info"
              >
                {t('evaluations.saveInfo')}
              </Button>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
