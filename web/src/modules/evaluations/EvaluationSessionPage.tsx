import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Popconfirm, Row, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import type { EvaluationItemView, ItemDecision } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { useFeedback } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { LoadError, Loading } from '../../ui/states';
import { can } from '../../auth/access';
import { useSession as useLogin } from '../../auth/session';
import { recordPdfUrl, useEvaluationWrites, useSession } from './api';
import { EvaluationItemsTable } from './EvaluationItemsTable';
import { FollowUpsCard } from './FollowUpsCard';
import { SessionInfoCards } from './SessionInfoCards';

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
  // Held sessions are final; grid workers only read; nothing is judged before the session's day.
  const canManage = can(me, 'evaluations.manage');
  const held = s.status === 'held' || !canManage;
  const holdBlocked = !s.dayReached
    ? t('evaluations.notYet', { date: formatDate(s.heldOn) })
    : s.counts.pending > 0
      ? t('evaluations.pendingLeft', { count: s.counts.pending })
      : null;

  const save = async (item: EvaluationItemView, next: { verdict?: ItemDecision; comment?: string | null }) => {
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
          {!held && holdBlocked && (
            <Tooltip title={holdBlocked}>
              <Button type="primary" disabled data-testid="evaluation-hold">
                {t('evaluations.hold')}
              </Button>
            </Tooltip>
          )}
          {!held && !holdBlocked && (
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
      {!held && !s.dayReached && (
        <Alert type="info" showIcon title={holdBlocked} data-testid="evaluation-not-yet" style={{ margin: '8px 0' }} />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('evaluations.items')} className="list-card">
            <EvaluationItemsTable
              items={s.items}
              held={held || !s.dayReached}
              onSave={(item, next) => void save(item, next)}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <SessionInfoCards
            held={held}
            representatives={representatives}
            onRepresentatives={setRepresentatives}
            minutes={minutes}
            onMinutes={setMinutes}
            onSave={() => void saveInfo()}
            saving={update.isPending}
          />
        </Col>
        <Col xs={24}>
          <FollowUpsCard
            sessionId={s.id}
            title={t('evaluations.followUps')}
            followUps={s.followUps}
            canManage={canManage}
            testId="evaluation-follow-ups"
          />
        </Col>
        <Col xs={24}>
          <FollowUpsCard
            sessionId={s.id}
            title={t('evaluations.earlierFollowUps')}
            followUps={s.earlierFollowUps}
            canManage={canManage}
            testId="evaluation-earlier-follow-ups"
          />
        </Col>
      </Row>
    </div>
  );
}
