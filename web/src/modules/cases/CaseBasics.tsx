import { Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseDetail } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDateTime, formatPercent } from '../../ui/format';
import { useGrid } from '../grid/api';
import { CasePhotos } from './CasePhotos';
import { useCategoryLabel } from './labels';

function GridPath({ gridId, fallback }: { gridId: string; fallback: string }) {
  const grid = useGrid(gridId);
  const g = grid.data;
  if (!g) return <>{fallback}</>;
  return (
    <>
      {[...g.path.map((p) => p.name), g.name].join(' / ')}{' '}
      <Typography.Text type="secondary" className="mono">
        {g.code}
      </Typography.Text>
    </>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

/** The case's facts: what, which category (and what the classifier thought), who, when, where, photos, rating. */
export function CaseBasics({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: 'description',
          label: t('cases.description'),
          children: (
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="case-description-text">
              {c.description}
            </span>
          ),
        },
        { key: 'category', label: t('cases.category'), children: <CaseCategory c={c} /> },
        { key: 'channel', label: t('cases.channel'), children: labelOf('caseChannel', c.channel) },
        {
          key: 'reporter',
          label: t('cases.reporter'),
          children: (
            <>
              {c.reporterName ?? '—'} {c.reporterPhone && <span className="mono muted">{c.reporterPhone}</span>}
            </>
          ),
        },
        { key: 'reportedAt', label: t('cases.reportedAt'), children: formatDateTime(c.reportedAt) },
        {
          key: 'grid',
          label: t('cases.gridPath'),
          children: <GridPath gridId={c.gridId} fallback={`${c.communityName} / ${c.gridName}`} />,
        },
        { key: 'owner', label: t('cases.owner'), children: c.ownerName ?? '—' },
        { key: 'address', label: t('cases.address'), children: c.address ?? '—' },
        {
          key: 'photos',
          label: t('cases.photos'),
          children: <CasePhotos photos={c.photos.filter((p) => p.kind === 'report')} testId="case-photos" />,
        },
        ...outcomeItems(c, t),
      ]}
    />
  );
}

/** The confirmed category, and beneath it what the classifier suggested (another category, or the same). */
function CaseCategory({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const categoryLabel = useCategoryLabel();
  const suggested =
    c.suggestedCategoryCode && c.suggestedCategoryCode !== c.categoryCode
      ? t('cases.suggestedVsConfirmed', {
          name: categoryLabel(c.suggestedCategoryCode),
          confidence: formatPercent(c.suggestedConfidence, 0),
        })
      : c.suggestedCategoryCode
        ? t('cases.sameAsSuggested', { confidence: formatPercent(c.suggestedConfidence, 0) })
        : null;
  return (
    <>
      {categoryLabel(c.categoryCode, c.categoryName)}
      {suggested && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {suggested}
          </Typography.Text>
        </div>
      )}
    </>
  );
}

/** The rows that exist only once the case has them: resolution photos, the rating, the cases merged into it. */
function outcomeItems(c: CaseDetail, t: Translate) {
  return [
    ...(c.photos.some((p) => p.kind !== 'report')
      ? [
          {
            key: 'resolutionPhotos',
            label: t('cases.resolutionPhotos'),
            children: (
              <CasePhotos photos={c.photos.filter((p) => p.kind !== 'report')} testId="case-resolution-photos" />
            ),
          },
        ]
      : []),
    ...(c.satisfaction
      ? [
          {
            key: 'rating',
            label: t('cases.rating'),
            children: (
              <>
                <EnumTag group="satisfaction" value={c.satisfaction} />
                {c.ratedByPhoneVisit && <Typography.Text type="secondary">{t('cases.ratingByPhone')}</Typography.Text>}
                {c.ratingComment && <div>{c.ratingComment}</div>}
              </>
            ),
          },
        ]
      : []),
    ...(c.mergedCaseIds.length
      ? [
          {
            key: 'merged',
            label: t('cases.mergedCases', { count: c.mergedCaseIds.length }),
            children: (
              <Space wrap>
                {c.mergedCaseIds.map((m) => (
                  <Link key={m} to={`/cases/${m}`}>
                    {t('cases.open')}
                  </Link>
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];
}
