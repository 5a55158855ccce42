import { LinesChart, ScatterChart } from 'echarts/charts';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { EChart } from '../../../ui/EChart';
import { echarts, type EChartsOption } from '../../../ui/echarts';
import { escapeHtml } from '../../../ui/format';
import { EmptyState } from '../../../ui/states';
import type { PlanDetail } from './api';

echarts.use([ScatterChart, LinesChart]);
const PALETTE = [
  '#c0392b',
  '#2471a3',
  '#229954',
  '#d68910',
  '#7d3c98',
  '#17a589',
  '#b03a2e',
  '#2e4053',
  '#ca6f1e',
  '#1f618d',
  '#7b241c',
  '#0e6655',
];

/** A line from each paired unit to its community, in the community's colour; a pair missing either end is left out. */
function pairLines(plan: PlanDetail, colour: Map<string, string | undefined>) {
  const community = new Map(plan.communities.map((c) => [c.id, c]));
  const unit = new Map(plan.units.map((u) => [u.id, u]));
  return plan.pairs.flatMap((p) => {
    const c = community.get(p.communityId);
    const u = unit.get(p.unitId);
    return c && u
      ? [
          {
            coords: [
              [u.lng, u.lat],
              [c.lng, c.lat],
            ],
            lineStyle: { color: colour.get(c.id) },
            pair: p,
          },
        ]
      : [];
  });
}

/** Communities (large) and units (small) on lng/lat, a line for each pair, coloured by community. */
export function PairingMap({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const option = useMemo<EChartsOption | null>(() => {
    if (!plan.communities.length) return null;
    const colour = new Map(plan.communities.map((c, i) => [c.id, PALETTE[i % PALETTE.length]]));
    const unitColour = new Map(plan.pairs.map((p) => [p.unitId, colour.get(p.communityId) ?? '#888']));
    const lines = pairLines(plan, colour);
    const lngs = [...plan.communities.map((c) => c.lng), ...plan.units.map((u) => u.lng)];
    const lats = [...plan.communities.map((c) => c.lat), ...plan.units.map((u) => u.lat)];
    const pad = 0.004;
    return {
      tooltip: { trigger: 'item', confine: true },
      legend: { bottom: 0, data: [t('pairing.map.communities'), t('pairing.map.units'), t('pairing.map.pairs')] },
      xAxis: { type: 'value', min: Math.min(...lngs) - pad, max: Math.max(...lngs) + pad, show: false, scale: true },
      yAxis: { type: 'value', min: Math.min(...lats) - pad, max: Math.max(...lats) + pad, show: false, scale: true },
      grid: { left: 8, right: 8, top: 8, bottom: 36 },
      series: [
        {
          name: t('pairing.map.pairs'),
          type: 'lines',
          coordinateSystem: 'cartesian2d',
          data: lines,
          z: 1,
          lineStyle: { width: 1.2, opacity: 0.55 },
          silent: false,
          tooltip: {
            formatter: (x: { data: { pair: PlanDetail['pairs'][number] } }) =>
              `${escapeHtml(x.data.pair.unitName)} → ${escapeHtml(x.data.pair.communityName)}<br/>${x.data.pair.distanceKm?.toFixed(2) ?? '—'} km`,
          },
        },
        {
          name: t('pairing.map.units'),
          type: 'scatter',
          symbolSize: 7,
          z: 2,
          data: plan.units.map((u) => ({
            value: [u.lng, u.lat],
            name: u.name,
            itemStyle: { color: unitColour.get(u.id) ?? '#999', borderColor: '#fff', borderWidth: 0.6 },
          })),
          tooltip: { formatter: (x: { name: string }) => escapeHtml(x.name) },
        },
        {
          name: t('pairing.map.communities'),
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 20,
          z: 3,
          label: { show: true, position: 'top', formatter: '{b}', fontSize: 11, color: '#4a2a26' },
          data: plan.communities.map((c) => ({
            value: [c.lng, c.lat],
            name: c.name,
            itemStyle: { color: colour.get(c.id), borderColor: '#fff', borderWidth: 1.5 },
          })),
          tooltip: { formatter: (x: { name: string }) => escapeHtml(x.name) },
        },
      ],
    };
  }, [plan, t]);
  if (!option) return <EmptyState />;
  return <EChart option={option} className="chart-box pairing-map" testId="pairing-map" />;
}
