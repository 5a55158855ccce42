import { Button, Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { EvaluationFollowUpView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { EmptyState } from '../../ui/states';
import { useEvaluationWrites } from './api';

/**
 * The follow-up tasks of unsatisfied verdicts (不满意): this session's, and the earlier ones the community still has to
 * close or that the previous session created. Those who run the session mark them done or open again.
 */
export function FollowUpsCard({
  sessionId,
  title,
  followUps,
  canManage,
  testId,
}: {
  sessionId: string;
  title: string;
  followUps: EvaluationFollowUpView[];
  canManage: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { followUp } = useEvaluationWrites(sessionId);
  const toggle = async (f: EvaluationFollowUpView) => {
    try {
      await followUp.mutateAsync({ id: f.id, status: f.status === 'done' ? 'open' : 'done', version: f.version });
      feedback.success(t('evaluations.followUpSaved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Card size="small" title={title} className="list-card" data-testid={testId}>
      <Table<EvaluationFollowUpView>
        rowKey="id"
        size="small"
        dataSource={followUps}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: <EmptyState description={t('evaluations.noFollowUps')} /> }}
        columns={[
          {
            key: 'case',
            title: t('cases.caseTitle'),
            ellipsis: true,
            render: (_, f) => (
              <span title={f.caseTitle}>
                <Link to={`/cases/${f.caseId}`} className="mono">
                  {f.caseNumber}
                </Link>{' '}
                {f.caseTitle}
              </span>
            ),
          },
          { key: 'heldOn', title: t('evaluations.heldOn'), width: 100, render: (_, f) => formatDate(f.heldOn) },
          {
            key: 'consequence',
            title: t('evaluations.verdict'),
            width: 100,
            render: (_, f) =>
              f.consequence ? <Tag color="red">{t(`evaluations.consequence_${f.consequence}`)}</Tag> : '—',
          },
          {
            key: 'assignee',
            title: t('evaluations.assignee'),
            width: 150,
            ellipsis: true,
            render: (_, f) =>
              `${t(f.assigneeKind === 'unit' ? 'evaluations.assigneeUnit' : 'evaluations.assigneeOwner')}：${f.assigneeName}`,
          },
          {
            key: 'status',
            title: t('evaluations.status'),
            width: 150,
            render: (_, f) => (
              <>
                <Tag color={f.status === 'done' ? 'success' : 'warning'}>{t(`followUpStatus.${f.status}`)}</Tag>
                {canManage && (
                  <Button
                    size="small"
                    type="link"
                    loading={followUp.isPending}
                    onClick={() => void toggle(f)}
                    data-testid={`follow-up-toggle-${f.id}`}
                  >
                    {t(f.status === 'done' ? 'evaluations.markOpen' : 'evaluations.markDone')}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
