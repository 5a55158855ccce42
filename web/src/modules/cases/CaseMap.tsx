import { useMemo } from 'react';
import { PARTY_RED } from '../../app/theme';
import { useI18n } from '../../i18n';
import { EChart } from '../../ui/EChart';
import { echarts, type EChartsOption } from '../../ui/echarts-map';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useGrid } from '../grid/api';

type GeoJsonInput = Parameters<typeof echarts.registerMap>[1];
const ASPECT = Math.cos((27.5 * Math.PI) / 180);

/** A small map of the case's grid polygon with the case's point on it. */
export function CaseMap({ gridId, point }: { gridId: string; point: [number, number] | null }) {
  const { t } = useI18n();
  const grid = useGrid(gridId);
  const g = grid.data;
  const option = useMemo<EChartsOption | null>(() => {
    if (!g?.boundary) return null;
    const name = `case-grid-${g.id}`;
    echarts.registerMap(name, {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: g.id, properties: { name: g.name }, geometry: g.boundary }],
    } as unknown as GeoJsonInput);
    return {
      geo: {
        map: name,
        roam: true,
        aspectScale: ASPECT,
        layoutCenter: ['50%', '50%'],
        layoutSize: '90%',
        selectedMode: false,
        silent: true,
        label: { show: true, color: '#6b4b47', fontSize: 12 },
        itemStyle: { areaColor: '#fbeaea', borderColor: PARTY_RED, borderWidth: 1.5 },
      },
      series: [
        {
          type: 'effectScatter',
          coordinateSystem: 'geo',
          symbolSize: 12,
          itemStyle: { color: PARTY_RED },
          rippleEffect: { scale: 3 },
          data: point ? [point] : [],
        },
      ],
    };
  }, [g, point]);
  if (grid.isLoading) return <Loading minHeight={220} />;
  if (grid.isError) return <LoadError error={grid.error} compact />;
  if (!option) return <EmptyState description={t('cases.noMap')} />;
  return <EChart option={option} className="case-map" testId="case-map" />;
}
