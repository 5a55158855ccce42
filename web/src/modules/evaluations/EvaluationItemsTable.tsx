import { Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ITEM_DECISIONS, type EvaluationItemView, type ItemDecision } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDate } from '../../ui/format';
import { EmptyState } from '../../ui/states';

export type SaveVerdict = (item: EvaluationItemView, next: { verdict?: ItemDecision; comment?: string | null }) => void;

/**
 * The session's matters: each case with the representatives' verdict (or carried over to the next session) and a
 * comment saved when the field is left; a carried case says where it came from, an unsatisfied one what holding did.
 */
export function EvaluationItemsTable({
  items,
  held,
  onSave,
}: {
  items: EvaluationItemView[];
  held: boolean;
  onSave: SaveVerdict;
}) {
  const { t } = useI18n();
  const [comments, setComments] = useState<Record<string, string>>({});
  return (
    <Table<EvaluationItemView>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={false}
      scroll={{ x: 720 }}
      data-testid="evaluation-items"
      locale={{ emptyText: <EmptyState description={t('evaluations.noItems')} /> }}
      columns={[
        {
          key: 'case',
          title: t('cases.caseTitle'),
          render: (_, it) => <ItemCase it={it} />,
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
          render: (_, it) => <VerdictSelect it={it} held={held} onSave={onSave} />,
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
                  onSave(it, { comment: comments[it.id] || null });
              }}
            />
          ),
        },
      ]}
    />
  );
}

/** The case: its number (a link), title, where it was carried from, and what holding did to an unsatisfied one. */
function ItemCase({ it }: { it: EvaluationItemView }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={0}>
      <Link to={`/cases/${it.caseId}`} className="mono">
        {it.caseNumber ?? it.caseId.slice(0, 8)}
      </Link>
      <span>{it.caseTitle ?? ''}</span>
      {it.carriedFrom && (
        <Tag data-testid={`carried-${it.id}`}>
          {t('evaluations.carriedFrom', { date: formatDate(it.carriedFrom.heldOn) })}
        </Tag>
      )}
      {it.consequence && <Tag color="red">{t(`evaluations.consequence_${it.consequence}`)}</Tag>}
    </Space>
  );
}

function VerdictSelect({ it, held, onSave }: { it: EvaluationItemView; held: boolean; onSave: SaveVerdict }) {
  return (
    <Select<ItemDecision>
      value={it.verdict === 'pending' ? undefined : it.verdict}
      placeholder={labelOf('verdict', 'pending')}
      disabled={held}
      style={{ width: '100%' }}
      onChange={(v) => onSave(it, { verdict: v })}
      data-testid={`verdict-${it.id}`}
      options={ITEM_DECISIONS.map((v) => ({ value: v, label: labelOf('verdict', v) }))}
    />
  );
}
