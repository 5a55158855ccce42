import { ScatterChart } from 'echarts/charts';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { EChart } from '../../../ui/EChart';
import { echarts, type EChartsOption } from '../../../ui/echarts-map';
import { escapeHtml } from '../../../ui/format';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { useGridGeoJson } from '../../grid/api';
import type { NeedPoint } from './api';
import { PRIORITY_COLOURS } from './parts';

echarts.use([ScatterChart]);
type GeoJsonInput = Parameters<typeof echarts.registerMap>[1];
const ASPECT = Math.cos((27.5 * Math.PI) / 180);
const MAP = 'needs-communities';

/** The needs as points over the communities (level-1 grids), coloured and sized by priority. */
export function NeedsMap({ points, loading, error }: { points: NeedPoint[]; loading: boolean; error: unknown }) {
  const { t } = useI18n();
  const areas = useGridGeoJson({ level: [1] });
  const option = useMemo<EChartsOption | null>(() => {
    const features = areas.data?.features ?? [];
    if (!features.length) return null;
    echarts.registerMap(MAP, {
      type: 'FeatureCollection',
      features: features.map((f) => ({
        type: 'Feature',
        id: f.properties.id,
        properties: { name: f.properties.name },
        geometry: f.geometry,
      })),
    } as unknown as GeoJsonInput);
    const series = [1, 2, 3, 4, 5].map((p) => ({
      name: t('needs.priorityLegend', { p }),
      type: 'scatter' as const,
      coordinateSystem: 'geo' as const,
      symbolSize: 5 + p * 2.2,
      itemStyle: { color: PRIORITY_COLOURS[p], opacity: 0.85, borderColor: '#fff', borderWidth: 0.8 },
      data: points.filter((n) => n.priority === p).map((n) => ({ name: n.title, value: [n.lng, n.lat], need: n })),
      tooltip: {
        formatter: (x: { data: { need: NeedPoint } }) =>
          `<b>${escapeHtml(x.data.need.title)}</b><br/>${escapeHtml(x.data.need.communityName)} · ${t(`needs.statuses.${x.data.need.status as 'open'}`)}`,
      },
    }));
    return {
      tooltip: { trigger: 'item', confine: true },
      legend: { bottom: 0, type: 'scroll' },
      geo: {
        map: MAP,
        roam: true,
        aspectScale: ASPECT,
        layoutCenter: ['50%', '46%'],
        layoutSize: '88%',
        selectedMode: false,
        silent: true,
        label: { show: true, color: '#6b4b47', fontSize: 11 },
        itemStyle: { areaColor: '#f6f1ea', borderColor: '#bfa9a4', borderWidth: 1 },
      },
      series,
    };
  }, [areas.data, points, t]);
  if (areas.isLoading || loading) return <Loading minHeight={300} />;
  if (areas.isError || error) return <LoadError error={areas.error ?? error} compact />;
  if (!option) return <EmptyState />;
  return <EChart option={option} className="chart-box" testId="needs-map" />;
}
