import type { TableColumnsType } from 'antd';
import type { EvaluationSessionView } from '../../api/contracts';
import type { useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDate, formatNumber } from '../../ui/format';

type Translate = ReturnType<typeof useI18n>['t'];

/** The sessions list's columns: date, community, status, period and how many matters are judged. */
export function sessionColumns(t: Translate): TableColumnsType<EvaluationSessionView> {
  return [
    { key: 'heldOn', title: t('evaluations.heldOn'), render: (_, s) => formatDate(s.heldOn) },
    { key: 'community', title: t('evaluations.community'), render: (_, s) => s.communityName ?? '—' },
    {
      key: 'status',
      title: t('evaluations.status'),
      render: (_, s) => <EnumTag group="evaluationStatus" value={s.status} />,
    },
    {
      key: 'period',
      title: t('evaluations.period'),
      responsive: ['md'],
      render: (_, s) => `${formatDate(s.periodFrom)} ~ ${formatDate(s.periodTo)}`,
    },
    {
      key: 'items',
      title: t('evaluations.itemCount'),
      align: 'right',
      render: (_, s) => formatNumber(s.itemCount),
    },
    {
      key: 'judged',
      title: t('evaluations.judged'),
      align: 'right',
      responsive: ['md'],
      render: (_, s) => `${formatNumber(s.itemCount - s.counts.pending)} / ${formatNumber(s.itemCount)}`,
    },
  ];
}
