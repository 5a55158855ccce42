import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Popconfirm, Row, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import type { EvaluationItemView, EvaluationSessionDetail, ItemDecision } from '../../api/contracts';
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
  const { me } = useLogin();
  const q = useSession(id);
  const s = q.data;
  const form = useSessionInfo(s);
  const act = useSessionActions(id);

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
  const info = (): SessionInfo => ({
    representatives: names(form.representatives),
    minutes: form.minutes.trim() || null,
    version: s.version,
  });
  const followUpLists = [
    { title: t('evaluations.followUps'), followUps: s.followUps, testId: 'evaluation-follow-ups' },
    {
      title: t('evaluations.earlierFollowUps'),
      followUps: s.earlierFollowUps,
      testId: 'evaluation-earlier-follow-ups',
    },
  ];

  return (
    <div className="page" data-testid="evaluation-session">
      <SessionHeader
        s={s}
        held={held}
        holdBlocked={holdBlocked}
        holding={act.holding}
        onHold={() => act.hold(info())}
      />
      {!held && !s.dayReached && (
        <Alert type="info" showIcon title={holdBlocked} data-testid="evaluation-not-yet" style={{ margin: '8px 0' }} />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('evaluations.items')} className="list-card">
            <EvaluationItemsTable
              items={s.items}
              held={held || !s.dayReached}
              onSave={(item, next) => void act.save(item, next)}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <SessionInfoCards
            held={held}
            representatives={form.representatives}
            onRepresentatives={form.setRepresentatives}
            minutes={form.minutes}
            onMinutes={form.setMinutes}
            onSave={() => void act.saveInfo(info())}
            saving={act.saving}
          />
        </Col>
        {followUpLists.map((list) => (
          <Col xs={24} key={list.testId}>
            <FollowUpsCard sessionId={s.id} canManage={canManage} {...list} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

interface SessionInfo {
  representatives: string[];
  minutes: string | null;
  version: number;
}

/** Who came and the minutes, as typed; set from the session each time it is (re)loaded. */
function useSessionInfo(s: EvaluationSessionDetail | undefined) {
  const [representatives, setRepresentatives] = useState('');
  const [minutes, setMinutes] = useState('');
  useEffect(() => {
    if (!s) return;
    setRepresentatives(s.representatives.join('，'));
    setMinutes(s.minutes ?? '');
  }, [s]);
  return { representatives, setRepresentatives, minutes, setMinutes };
}

/** The session's writes — a verdict, who came and the minutes, holding — each saying it is done, or why not. */
function useSessionActions(id: string | undefined) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { verdict, update, hold } = useEvaluationWrites(id);
  const run = async (write: () => Promise<unknown>, done: () => string) => {
    try {
      await write();
      feedback.success(done());
    } catch (err) {
      feedback.error(err);
    }
  };

  const save = async (item: EvaluationItemView, next: { verdict?: ItemDecision; comment?: string | null }) => {
    const v = next.verdict ?? (item.verdict === 'pending' ? null : item.verdict);
    if (!v) return;
    const comment = next.comment !== undefined ? next.comment : item.comment;
    await run(
      () => verdict.mutateAsync({ itemId: item.id, verdict: v, comment }),
      () => t('evaluations.verdictSaved'),
    );
  };
  return {
    save,
    saveInfo: (info: SessionInfo) =>
      run(
        () => update.mutateAsync(info),
        () => t('common.saved'),
      ),
    saving: update.isPending,
    hold: (info: SessionInfo) =>
      run(
        () => hold.mutateAsync(info),
        () => t('evaluations.held'),
      ),
    holding: hold.isPending,
  };
}

/** Back, the title, status and period; print the record, and hold the session (or why it cannot be held yet). */
function SessionHeader(p: {
  s: EvaluationSessionDetail;
  held: boolean;
  holdBlocked: string | null;
  holding: boolean;
  onHold: () => Promise<void>;
}) {
  const { t } = useI18n();
  const { s, held, holdBlocked } = p;
  return (
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
            onConfirm={() => p.onHold()}
          >
            <Button type="primary" loading={p.holding} data-testid="evaluation-hold">
              {t('evaluations.hold')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Flex>
  );
}
