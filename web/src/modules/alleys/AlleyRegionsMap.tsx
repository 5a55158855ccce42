import { Card, Flex, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AlleyRegionSummary, GridFeature } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { echarts, type EChartsOption } from '../../ui/echarts-map';
import { escapeHtml } from '../../ui/format';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useEChart } from '../../ui/useEChart';
import { useIsMobile } from '../../ui/useIsMobile';
import { useGridGeoJson } from '../grid/api';
import { useRegions } from './api';
import { scoreTone } from './logic';

type T = ReturnType<typeof useI18n>['t'];
type GeoJsonInput = Parameters<typeof echarts.registerMap>[1];

/** Alley grids are level-4 grids; every region the caller sees fits in one page (the county has 62). */
const ALLEY_GRID_LEVEL = 4;
const ALL_REGIONS = { pageSize: 200, sort: 'code' };
const MAP_NAME = 'lianjian-alley-regions';
/** Guangze lies near 27.5° N: scale longitude so the grids keep their real shape (as the grid map does). */
const ASPECT = Math.cos((27.5 * Math.PI) / 180);
/** The score bands of the list's tags (logic.ts scoreTone), as fill colours. */
const FILL = { good: '#52c41a', fair: '#faad14', poor: '#f5222d', none: '#bfbfbf' } as const;
const LEGEND = ['good', 'fair', 'poor', 'none'] as const;

/**
 * 背街小巷 on the map (`?view=map`): each region's alley grid coloured by its latest inspection score, a tooltip
 * with its community, score, tasks and alley heads, a click opening the region. Loaded only when the view opens,
 * so ECharts stays out of the list's bundle.
 */
export default function AlleyRegionsMap({ switcher }: { switcher: React.ReactNode }) {
  const { t } = useI18n();
  const phone = useIsMobile();
  const regions = useRegions(ALL_REGIONS);
  const geo = useGridGeoJson({ level: [ALLEY_GRID_LEVEL] });
  const drawn = useMemo(() => {
    const byGrid = new Map((regions.data?.items ?? []).flatMap((r) => (r.gridId ? [[r.gridId, r] as const] : [])));
    const features = (geo.data?.features ?? []).filter((f) => byGrid.has(f.properties.id));
    return { byGrid, features, missing: (regions.data?.items.length ?? 0) - features.length };
  }, [regions.data, geo.data]);
  const failed = regions.isError ? regions : geo.isError ? geo : null;

  return (
    <ListPage title={t('alleys.title')} actions={switcher}>
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t(phone ? 'alleys.mapHintPhone' : 'alleys.mapHint')}
      </Typography.Paragraph>
      {failed ? (
        <LoadError error={failed.error} onRetry={() => void failed.refetch()} />
      ) : regions.isPending || geo.isPending ? (
        <Loading />
      ) : drawn.features.length === 0 ? (
        <EmptyState description={t('alleys.noMapRegions')} />
      ) : (
        <>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <div style={{ position: 'relative', height: 'max(400px, calc(100vh - 280px))' }}>
              <RegionsCanvas features={drawn.features} byGrid={drawn.byGrid} />
              <Legend t={t} />
            </div>
          </Card>
          {drawn.missing > 0 ? (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="alley-map-missing">
              {t('alleys.mapMissing', { n: drawn.missing })}
            </Typography.Paragraph>
          ) : null}
        </>
      )}
    </ListPage>
  );
}

function Legend({ t }: { t: T }) {
  return (
    <Flex className="map-legend" gap={10} wrap data-testid="alley-map-legend">
      {LEGEND.map((tone) => (
        <Flex key={tone} gap={4} align="center">
          <span style={{ width: 12, height: 12, borderRadius: 2, background: FILL[tone], display: 'inline-block' }} />
          {t(`alleys.legend.${tone}`)}
        </Flex>
      ))}
    </Flex>
  );
}

interface CanvasProps {
  features: GridFeature[];
  byGrid: Map<string, AlleyRegionSummary>;
}

function RegionsCanvas({ features, byGrid }: CanvasProps) {
  const { t, language } = useI18n();
  const compact = useIsMobile();
  const navigate = useNavigate();
  const current = useRef({ byGrid, navigate, compact, tapped: '' });
  Object.assign(current.current, { byGrid, navigate, compact });
  const { ref, chart } = useEChart((instance) => {
    instance.on('click', (p) => {
      const now = current.current;
      const region = typeof p.name === 'string' ? now.byGrid.get(p.name) : undefined;
      if (p.componentType !== 'geo' || !region) return;
      // A phone has no hover: the first tap shows the region's card, a second tap on it opens the region.
      if (now.compact && now.tapped !== region.id) {
        now.tapped = region.id;
        return;
      }
      now.navigate(`/alleys/${region.id}`);
    });
  });

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    echarts.registerMap(MAP_NAME, {
      type: 'FeatureCollection',
      features: features.map((f) => ({
        type: 'Feature',
        id: f.id,
        properties: { ...f.properties },
        geometry: f.geometry,
      })),
    } as unknown as GeoJsonInput);
    instance.setOption(mapOption(features, byGrid, t, compact), { notMerge: true });
    // language: the tooltips are rebuilt in the new language.
  }, [chart, features, byGrid, t, language, compact]);

  return <div ref={ref} className="map-canvas" data-testid="alley-map-canvas" />;
}

/** The tooltip: the region, its community, score, tasks and heads (all escaped: names come from users). */
function regionTip(r: AlleyRegionSummary, t: T): string {
  const heads = r.headNames.length ? r.headNames.join(t('alleys.sep')) : t('alleys.noHeads');
  return [
    `<b>${escapeHtml(r.name)}</b> · ${escapeHtml(r.code)}`,
    t('alleys.tipLine', { label: t('alleys.community'), value: escapeHtml(r.communityName) }),
    t('alleys.tipLine', { label: t('alleys.score'), value: r.score === null ? t('alleys.never') : r.score }),
    t('alleys.openTasksLine', { open: r.openTasks, overdue: r.overdueTasks }),
    t('alleys.tipLine', { label: t('alleys.heads'), value: escapeHtml(heads) }),
  ].join('<br/>');
}

function mapOption(
  features: GridFeature[],
  byGrid: Map<string, AlleyRegionSummary>,
  t: T,
  compact: boolean,
): EChartsOption {
  return {
    tooltip: { trigger: 'item', confine: true },
    geo: {
      map: MAP_NAME,
      nameProperty: 'id',
      roam: true,
      aspectScale: ASPECT,
      layoutCenter: ['50%', '50%'],
      layoutSize: '92%',
      scaleLimit: { min: 0.5, max: 40 },
      selectedMode: false,
      label: { show: false },
      itemStyle: { borderColor: '#fff', borderWidth: 1 },
      emphasis: {
        label: {
          show: true,
          fontSize: compact ? 10 : 12,
          textBorderColor: '#fff',
          textBorderWidth: 2,
          formatter: (p: { name: string }) => byGrid.get(p.name)?.name ?? '',
        },
        itemStyle: { borderColor: '#333', borderWidth: 1.5 },
      },
      tooltip: {
        show: true,
        formatter: (p: { name: string }) => {
          const r = byGrid.get(p.name);
          return r ? regionTip(r, t) : '';
        },
      },
      regions: features.map((f) => {
        const tone = scoreTone(byGrid.get(f.properties.id)?.score ?? null);
        return {
          name: f.properties.id,
          itemStyle: { areaColor: FILL[tone] },
          emphasis: { itemStyle: { areaColor: FILL[tone] } },
        };
      }),
    },
  };
}
