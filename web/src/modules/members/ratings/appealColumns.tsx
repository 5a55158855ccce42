import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../i18n';
import { formatCountyDateTime } from '../../../ui/format';
import type { RatingView } from './api';
import { GradeTag } from './parts';

/** The appeals waiting for an answer, each with its answer button. */
export function useAppealColumns(onAnswer: (r: RatingView) => void): ColumnsType<RatingView> {
  const { t } = useI18n();
  return [
    { title: t('ratings.member'), dataIndex: 'memberName', width: 100 },
    {
      title: t('ratings.quarter'),
      width: 130,
      render: (_, r) => t('ratings.quarterLabel', { year: r.year, quarter: r.quarter }),
    },
    { title: t('ratings.grade'), width: 100, render: (_, r) => <GradeTag grade={r.grade} /> },
    { title: t('ratings.appealReason'), dataIndex: 'appealReason', ellipsis: true },
    { title: t('ratings.appealState'), width: 150, render: (_, r) => formatCountyDateTime(r.appealedAt) },
    {
      title: '',
      width: 80,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => onAnswer(r)}>
          {t('ratings.answer')}
        </Button>
      ),
    },
  ];
}
