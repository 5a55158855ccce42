import type { GridFeature } from '../../api/contracts';
import { COMMUNITY_PALETTE, PARTY_RED } from '../../app/theme';

/** What the map shows: the county (communities with their level-2 grids) or one grid's children. */
export interface MapLayer {
  /** 'county' or the id of the grid whose children are shown. */
  key: string;
  /** Drawn first, as a frame, not clickable (the drilled-into grid's own outline). */
  frame: GridFeature | null;
  features: GridFeature[];
}

export interface RegionStyle {
  name: string;
  silent?: boolean;
  itemStyle: { areaColor: string; borderColor: string; borderWidth: number; opacity?: number };
  label: { show: boolean; fontSize?: number; fontWeight?: 'bold' | 'normal'; color?: string };
  emphasis?: { itemStyle?: { areaColor?: string }; label?: { show: boolean } };
}

const HIGHLIGHT = '#ffd666';

/** Per-region styles: communities by colour at county level; a drilled grid's children in distinct colours. */
export function regionStyles(
  layer: MapLayer,
  selectedId: string | null,
  communityIndex: Map<string, number>,
  compact = false,
): RegionStyle[] {
  const out: RegionStyle[] = [];
  if (layer.frame) {
    out.push({
      name: layer.frame.properties.id,
      silent: true,
      itemStyle: {
        areaColor: '#f6f1ea',
        borderColor: selectedId === layer.frame.properties.id ? PARTY_RED : '#8c8c8c',
        borderWidth: 2.5,
      },
      label: { show: false },
    });
  }
  const county = layer.key === 'county';
  layer.features.forEach((f, i) => {
    const p = f.properties;
    const selected = p.id === selectedId;
    const colour = county
      ? COMMUNITY_PALETTE[(communityIndex.get(p.communityId) ?? i) % COMMUNITY_PALETTE.length]
      : COMMUNITY_PALETTE[i % COMMUNITY_PALETTE.length];
    if (county && p.level > 1) {
      // Level-2 grids inside a community: thin lines only; clicks go to the community underneath.
      out.push({
        name: p.id,
        silent: true,
        itemStyle: { areaColor: 'rgba(255,255,255,0)', borderColor: 'rgba(255,255,255,0.75)', borderWidth: 0.6 },
        label: { show: false },
      });
      return;
    }
    out.push({
      name: p.id,
      itemStyle: {
        areaColor: selected ? HIGHLIGHT : colour,
        borderColor: selected ? PARTY_RED : county ? '#6b4b47' : '#ffffff',
        borderWidth: selected ? 3 : county ? 2.2 : 1.2,
      },
      label: {
        show: true,
        fontSize: compact ? 10 : county ? 13 : 12,
        fontWeight: county || selected ? 'bold' : 'normal',
        color: '#3a2a28',
      },
      emphasis: { itemStyle: { areaColor: selected ? HIGHLIGHT : '#fde2c4' }, label: { show: true } },
    });
  });
  return out;
}

/** Level-1 features first so that smaller grids are drawn over them. */
export function orderedFeatures(layer: MapLayer): GridFeature[] {
  const list = [...layer.features].sort(
    (a, b) => a.properties.level - b.properties.level || a.properties.code.localeCompare(b.properties.code),
  );
  return layer.frame ? [layer.frame, ...list.filter((f) => f.properties.id !== layer.frame?.properties.id)] : list;
}
