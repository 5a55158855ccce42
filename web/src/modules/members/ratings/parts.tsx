import { Select, Space, Tag } from 'antd';
import { useI18n } from '../../../i18n';
import { countyWallClock } from '../../../ui/clock';
import { RATING_GRADES, type QuarterChoice, type RatingGrade } from './api';
import { GRADE_COLOURS } from './labels';

export function GradeTag({ grade }: { grade: RatingGrade | null }) {
  const { t } = useI18n();
  if (!grade) return <Tag>{t('ratings.unrated')}</Tag>;
  return <Tag color={GRADE_COLOURS[grade]}>{t(`ratings.grades.${grade}`)}</Tag>;
}

/** The grades as select options; those the member may not get (合格+ without 双报到) disabled. */
export function useGradeOptions(reported: boolean) {
  const { t } = useI18n();
  return RATING_GRADES.map((g) => ({
    value: g,
    label: t(`ratings.grades.${g}`),
    disabled: !reported && (g === 'excellent' || g === 'qualified'),
  }));
}

/** The quarter that ended last, by the county's day (the one usually rated). */
export function lastEndedQuarter(): QuarterChoice {
  const today = countyWallClock();
  const year = today.getFullYear();
  const quarter = Math.floor(today.getMonth() / 3) + 1;
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

/** Year and quarter selects: this year and the two before, quarters up to the current one. */
export function QuarterPicker({ value, onChange }: { value: QuarterChoice; onChange: (q: QuarterChoice) => void }) {
  const { t } = useI18n();
  const today = countyWallClock();
  const thisYear = today.getFullYear();
  const currentQuarter = Math.floor(today.getMonth() / 3) + 1;
  const lastQuarter = value.year === thisYear ? currentQuarter : 4;
  return (
    <Space wrap>
      <Select
        aria-label={t('ratings.year')}
        value={value.year}
        style={{ width: 100 }}
        options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))}
        onChange={(year) =>
          onChange({ year, quarter: year === thisYear ? Math.min(value.quarter, currentQuarter) : value.quarter })
        }
      />
      <Select
        aria-label={t('ratings.quarter')}
        value={value.quarter}
        style={{ width: 120 }}
        options={[1, 2, 3, 4]
          .filter((n) => n <= lastQuarter)
          .map((n) => ({ value: n, label: t('ratings.quarterN', { n }) }))}
        onChange={(quarter) => onChange({ ...value, quarter })}
      />
    </Space>
  );
}
