import { useEffect, useMemo, useRef } from 'react';
import type { GridFeature } from '../../api/contracts';
import { PARTY_RED } from '../../app/theme';
import { labelOf } from '../../i18n';
import { echarts, type EChartsOption } from '../../ui/echarts-map';
import { escapeHtml } from '../../ui/format';
import { useEChart } from '../../ui/useEChart';
import { orderedFeatures, regionStyles, type MapLayer } from './mapStyle';

type GeoJsonInput = Parameters<typeof echarts.registerMap>[1];

interface Props {
  layer: MapLayer;
  selectedId: string | null;
  communityIndex: Map<string, number>;
  /** When true a click asks "which grid is here?" instead of selecting the region under it. */
  locating: boolean;
  marker: [number, number] | null;
  /** Changing it puts zoom and pan back to the start. */
  resetKey: number;
  language: string;
  /** Smaller labels for a phone. */
  compact: boolean;
  onSelect: (id: string) => void;
  /** Double-click: open the grid (show its children). */
  onOpen: (id: string) => void;
  onLocate: (lng: number, lat: number) => void;
}

/** Guangze lies near 27.5° N: scale longitude so the grids keep their real shape. */
const ASPECT = Math.cos((27.5 * Math.PI) / 180);

/** Registers the layer's features with ECharts under `mapName`, keyed by grid id. */
function registerGridMap(mapName: string, features: GridFeature[]) {
  echarts.registerMap(mapName, {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      id: f.properties.id,
      properties: { ...f.properties },
      geometry: f.geometry,
    })),
  } as unknown as GeoJsonInput);
}

interface OptionInput {
  mapName: string;
  byId: Map<string, GridFeature>;
  layer: MapLayer;
  selectedId: string | null;
  communityIndex: Map<string, number>;
  compact: boolean;
  marker: [number, number] | null;
}

/** The map's option: the grids coloured by community with the selection outlined, and the located point. */
function gridMapOption({
  mapName,
  byId,
  layer,
  selectedId,
  communityIndex,
  compact,
  marker,
}: OptionInput): EChartsOption {
  return {
    tooltip: { trigger: 'item', confine: true },
    geo: {
      map: mapName,
      nameProperty: 'id',
      roam: true,
      aspectScale: ASPECT,
      layoutCenter: ['50%', '50%'],
      layoutSize: '92%',
      scaleLimit: { min: 0.5, max: 40 },
      selectedMode: false,
      label: {
        show: true,
        formatter: (p: { name: string }) => byId.get(p.name)?.properties.name ?? '',
        textBorderColor: '#fff',
        textBorderWidth: 2,
      },
      itemStyle: { areaColor: '#eee', borderColor: '#fff' },
      emphasis: { label: { show: true } },
      tooltip: {
        show: true,
        formatter: (p: { name: string }) => {
          const f = byId.get(p.name);
          if (!f) return '';
          return `<b>${escapeHtml(f.properties.name)}</b><br/>${f.properties.code} · ${labelOf('gridLevel', f.properties.level)}`;
        },
      },
      regions: regionStyles(layer, selectedId, communityIndex, compact),
    },
    series: [
      {
        type: 'effectScatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        symbolSize: 12,
        itemStyle: { color: PARTY_RED },
        rippleEffect: { scale: 3.5 },
        silent: true,
        tooltip: { show: false },
        data: marker ? [marker] : [],
      },
    ],
  };
}

/** The grid map: ECharts `geo` over the grids' GeoJSON, one registered map per layer, filling its box. */
export function GridMap({
  layer,
  selectedId,
  communityIndex,
  locating,
  marker,
  resetKey,
  language,
  compact,
  onSelect,
  onOpen,
  onLocate,
}: Props) {
  const handlers = useRef({ onSelect, onOpen, onLocate, locating });
  handlers.current = { onSelect, onOpen, onLocate, locating };
  const { ref: box, chart } = useEChart(listen);

  function listen(instance: echarts.ECharts) {
    instance.on('click', (params) => {
      if (handlers.current.locating) return;
      if (params.componentType === 'geo' && typeof params.name === 'string' && params.name)
        handlers.current.onSelect(params.name);
    });
    instance.on('dblclick', (params) => {
      if (handlers.current.locating) return;
      if (params.componentType === 'geo' && typeof params.name === 'string' && params.name)
        handlers.current.onOpen(params.name);
    });
    instance.getZr().on('click', (e) => {
      if (!handlers.current.locating) return;
      const coord = instance.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]);
      if (Array.isArray(coord) && coord.length >= 2 && Number.isFinite(coord[0]) && Number.isFinite(coord[1])) {
        handlers.current.onLocate(coord[0], coord[1]);
      }
    });
  }

  const features = useMemo(() => orderedFeatures(layer), [layer]);
  const byId = useMemo(() => new Map<string, GridFeature>(features.map((f) => [f.properties.id, f])), [features]);
  const mapName = `lianjian-grids-${layer.key}`;

  // A new layer (or a reset) replaces everything, so zoom and pan start afresh.
  const lastLayout = useRef('');
  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    if (features.length === 0) {
      // Nothing to draw here (yet): do not leave the previous layer on screen.
      instance.clear();
      lastLayout.current = '';
      return;
    }
    registerGridMap(mapName, features);
    const option = gridMapOption({ mapName, byId, layer, selectedId, communityIndex, compact, marker });
    const layout = `${mapName}|${resetKey}`;
    instance.setOption(option, { notMerge: layout !== lastLayout.current });
    lastLayout.current = layout;
    // language: labels and tooltips are rebuilt in the new language.
  }, [chart, features, byId, mapName, layer, selectedId, communityIndex, marker, resetKey, language, compact]);

  return <div ref={box} className={`map-canvas${locating ? ' locating' : ''}`} data-testid="grid-map-canvas" />;
}
