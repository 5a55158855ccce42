import { Link } from 'react-router-dom';
import type { AlleyRegionSummary, ItemStatus } from '../../../api/contracts';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner, StatusChip } from '../../../mobile/parts';
import { formatDate } from '../../../ui/format';
import { useInspections, useRegionCases, useRegions } from '../api';
import { caseFigureVars } from '../logic';
import alleysStrings from '../i18n';
import { MRegionTasks } from './MRegionTasks';

// The phone app's start-up strings leave out the alley pages' (most users never open them): they come here.
addStrings(alleysStrings);

export const STATUS_CHIP: Record<ItemStatus, string> = {
  present: 'm-chip m-chip-done',
  needs_work: 'm-chip m-chip-wait',
  missing: 'm-chip m-chip-warn',
};

/** 区域事项 on the phone: the region's figures and its latest cases, each opening the case page. */
function RegionCasesList({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useRegionCases(id);
  if (!q.data) return null;
  return (
    <div style={{ margin: '0 0 8px' }} data-testid="m-alley-cases">
      <strong>{t('alleys.cases')}</strong>
      <p className="m-muted" style={{ margin: '2px 0 4px' }}>
        {t(
          'alleys.caseFigures',
          caseFigureVars(q.data, (n) => t('alleys.hours', { n })),
        )}
      </p>
      {q.data.latest.slice(0, 5).map((c) => (
        <Link
          key={c.id}
          to={`/cases/${c.id}`}
          style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0' }}
        >
          <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {c.title}
          </span>
          <StatusChip status={c.status} />
        </Link>
      ))}
    </div>
  );
}

function RegionCard({ r }: { r: AlleyRegionSummary }) {
  const { t } = useI18n();
  return (
    <Card
      title={`${r.name}`}
      extra={
        <span className="m-muted">{r.score === null ? t('alleys.never') : t('alleys.score') + ' ' + r.score}</span>
      }
      testId={`m-alley-${r.code}`}
    >
      <p className="m-muted" style={{ margin: '0 0 6px' }}>
        {r.communityName} · {r.gridName ?? ''} · {t('alleys.inspectedAt')}{' '}
        {r.inspectedAt ? formatDate(r.inspectedAt) : '—'}
      </p>
      <p style={{ margin: '0 0 8px' }}>
        {t('alleys.weakLine', {
          items: r.weakItems.length
            ? r.weakItems.map((i) => t(`sixHave.${i}`)).join(t('alleys.sep'))
            : t('alleys.noWeak'),
        })}
      </p>
      <MRegionTasks regionId={r.id} open={r.openTasks} />
      <RegionCasesList id={r.id} />
      <Link className="m-btn m-btn-primary m-btn-block" to={`/alleys/${r.id}/inspect`} data-testid="m-alley-inspect">
        {t('alleys.inspect')}
      </Link>
    </Card>
  );
}

/** 我的小巷: an alley head's regions (the server lists those they hold), their 六有 open items, and their inspections. */
export default function MMyAlleysPage() {
  const { t } = useI18n();
  const regions = useRegions({ pageSize: 50 });
  const mine = useInspections({ mine: 'true', pageSize: 10 });
  if (regions.isPending) return <Spinner full />;
  const items = regions.data?.items ?? [];
  return (
    <div className="m-page" data-testid="m-my-alleys">
      {items.length === 0 ? <Card>{t('alleys.noRegions')}</Card> : items.map((r) => <RegionCard key={r.id} r={r} />)}
      <Card title={t('alleys.myInspections')} testId="m-my-inspections">
        {(mine.data?.items ?? []).length === 0 ? (
          <p className="m-muted">{t('alleys.noHistory')}</p>
        ) : (
          (mine.data?.items ?? []).map((i) => (
            <div key={i.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <div className="m-row" style={{ justifyContent: 'space-between' }}>
                <span>{i.regionName}</span>
                <span className="m-muted">
                  {formatDate(i.inspectedAt)} · {i.score}
                </span>
              </div>
              <div style={{ marginTop: 4, display: 'flex', gap: 4, flexWrap: 'wrap' }}>
                {i.items
                  .filter((x) => x.status !== 'present')
                  .map((x) => (
                    <span key={x.item} className={STATUS_CHIP[x.status]}>
                      {t(`sixHave.${x.item}`)}
                    </span>
                  ))}
              </div>
            </div>
          ))
        )}
      </Card>
    </div>
  );
}
