import { Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../api/contracts';
import { labelOf, type useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatShortDateTime } from '../../ui/format';
import { sortOrderOf } from '../../ui/useListParams';
import type { useCategoryLabel } from './labels';
import { SlaBadges } from './SlaBadge';

type Translate = ReturnType<typeof useI18n>['t'];
type CategoryLabel = ReturnType<typeof useCategoryLabel>;

/** A phone gets one column: the case as a small card. */
export function caseCardColumns(t: Translate, categoryLabel: CategoryLabel): TableColumnsType<CaseSummary> {
  return [
    {
      key: 'card',
      title: t('cases.caseTitle'),
      render: (_, c) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Space size={4} wrap>
            <span className="mono">{c.number}</span>
            <EnumTag group="caseStatus" value={c.status} />
            {c.priority === 'urgent' && <EnumTag group="casePriority" value={c.priority} />}
            {c.supervised && <Tag color="red">{t('cases.supervised')}</Tag>}
          </Space>
          <Typography.Text>{c.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {categoryLabel(c.categoryCode, c.categoryName)} · {c.gridName} · {formatShortDateTime(c.reportedAt)}
          </Typography.Text>
          <SlaBadges c={c} running testId={`case-sla-${c.id}`} />
        </Space>
      ),
    },
  ];
}

/**
 * The table's least width: below it the list scrolls sideways. It fits the content beside the menu at 1440 px, where
 * the owner and channel columns give way (they show from 1600 px) and the title takes what is left, cut with … and
 * whole on hover, so the 时限 column is never cut.
 */
export const CASE_TABLE_MIN_WIDTH = 1080;

/** The staff inbox's columns; number, reported and the SLA clock sort on the server. */
export function caseColumns(
  t: Translate,
  categoryLabel: CategoryLabel,
  sort: string | undefined,
): TableColumnsType<CaseSummary> {
  return [
    {
      key: 'number',
      title: t('cases.number'),
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'number'),
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} onClick={(e) => e.stopPropagation()} className="mono">
          {c.number}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('cases.caseTitle'),
      ellipsis: true,
      render: (_, c) => (
        <Space size={4}>
          {c.priority === 'urgent' && <EnumTag group="casePriority" value={c.priority} />}
          <Tooltip title={c.title}>
            <span>{c.title}</span>
          </Tooltip>
        </Space>
      ),
    },
    {
      key: 'category',
      title: t('cases.category'),
      width: 120,
      ellipsis: true,
      responsive: ['md'],
      render: (_, c) => categoryLabel(c.categoryCode, c.categoryName),
    },
    {
      key: 'channel',
      title: t('cases.channel'),
      width: 100,
      responsive: ['xxl'],
      render: (_, c) => labelOf('caseChannel', c.channel),
    },
    {
      key: 'status',
      title: t('cases.status'),
      width: 140,
      render: (_, c) => (
        <Space size={2} wrap>
          <EnumTag group="caseStatus" value={c.status} />
          {c.supervised && <Tag color="red">{t('cases.supervised')}</Tag>}
          {c.whistle && <EnumTag group="whistle" value={c.whistle} />}
        </Space>
      ),
    },
    {
      key: 'grid',
      title: t('cases.grid'),
      width: 140,
      ellipsis: true,
      responsive: ['lg'],
      render: (_, c) => (
        <>
          <div>{c.gridName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.communityName}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'owner',
      title: t('cases.owner'),
      width: 90,
      ellipsis: true,
      responsive: ['xxl'],
      render: (_, c) => c.ownerName ?? '—',
    },
    {
      key: 'reportedAt',
      title: t('cases.reportedAt'),
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'reportedAt'),
      responsive: ['md'],
      render: (_, c) => formatShortDateTime(c.reportedAt),
    },
    {
      key: 'resolutionDueAt',
      title: t('cases.sla'),
      width: 200,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'resolutionDueAt'),
      render: (_, c) => <SlaBadges c={c} running testId={`case-sla-${c.id}`} />,
    },
  ];
}
