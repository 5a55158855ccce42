import { Select, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../i18n';
import type { RatingGrade, RatingView } from './api';
import { hoursOf } from './labels';
import { GradeTag, useGradeOptions } from './parts';

function GradeSelect({
  r,
  value,
  onChange,
}: {
  r: RatingView;
  value: RatingGrade;
  onChange: (g: RatingGrade) => void;
}) {
  const options = useGradeOptions(r.reported);
  return (
    <Select
      size="small"
      style={{ width: 120 }}
      value={value}
      options={options}
      onChange={onChange}
      aria-label={r.memberName}
    />
  );
}

/** The ratings table: figures, the suggestion, and the grade (a select while the rating waits for confirmation). */
export function useRatingColumns(
  grades: Record<string, RatingGrade>,
  setGrade: (id: string, g: RatingGrade) => void,
): ColumnsType<RatingView> {
  const { t } = useI18n();
  return [
    { title: t('ratings.member'), dataIndex: 'memberName', width: 100, fixed: 'left' },
    { title: t('ratings.unit'), dataIndex: 'unitName', ellipsis: true, width: 160 },
    { title: t('ratings.points'), dataIndex: 'points', width: 70, align: 'right' },
    {
      title: t('ratings.quarterHours'),
      width: 90,
      align: 'right',
      render: (_, r) => hoursOf(r.minutes),
    },
    { title: t('ratings.yearHours'), width: 90, align: 'right', render: (_, r) => hoursOf(r.yearMinutes) },
    { title: t('ratings.noShows'), dataIndex: 'noShows', width: 60, align: 'right' },
    {
      title: t('ratings.reported'),
      width: 90,
      render: (_, r) =>
        r.reported ? (
          <Tag color="green">{t('ratings.reportedYes')}</Tag>
        ) : (
          <Tooltip title={t('ratings.notReportedHint')}>
            <Tag>{t('ratings.reportedNo')}</Tag>
          </Tooltip>
        ),
    },
    { title: t('ratings.suggested'), width: 100, render: (_, r) => <GradeTag grade={r.suggestedGrade} /> },
    {
      title: t('ratings.grade'),
      width: 140,
      render: (_, r) =>
        r.state === 'suggested' ? (
          <GradeSelect r={r} value={grades[r.id] ?? r.suggestedGrade} onChange={(g) => setGrade(r.id, g)} />
        ) : (
          <Space size={4}>
            <GradeTag grade={r.grade} />
            {r.appealState && <Tag color="blue">{t(`ratings.appeals.${r.appealState}`)}</Tag>}
          </Space>
        ),
    },
    {
      title: t('ratings.state'),
      width: 90,
      render: (_, r) =>
        r.state === 'confirmed' ? (
          <Tag color="green">{t('ratings.stateConfirmed')}</Tag>
        ) : (
          <Tag color="orange">{t('ratings.stateSuggested')}</Tag>
        ),
    },
  ];
}
