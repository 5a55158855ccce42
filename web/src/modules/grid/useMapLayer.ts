import { useMemo } from 'react';
import type { GridDetail, GridFeature } from '../../api/contracts';
import { useGrid, useGridGeoJson } from './api';
import type { MapLayer } from './mapStyle';

/** A grid's own boundary as a feature: the frame drawn around its children when drilled into it. */
function frameOf(g: GridDetail | undefined): GridFeature | null {
  if (!g || !g.boundary) return null;
  return {
    type: 'Feature',
    id: g.id,
    geometry: g.boundary,
    properties: {
      id: g.id,
      code: g.code,
      name: g.name,
      level: g.level,
      kind: g.kind,
      parentId: g.parentId,
      communityId: g.communityId,
    },
  };
}

/** What the map draws: the county's communities and their grids, or the children of the grid drilled into. */
export function useMapLayer(drillId: string | null) {
  const countyGeo = useGridGeoJson({ level: [1, 2] }, !drillId);
  const drillGeo = useGridGeoJson({ parentId: drillId ?? undefined }, !!drillId);
  const drillGrid = useGrid(drillId);
  const geo = drillId ? drillGeo : countyGeo;
  const layer = useMemo<MapLayer>(
    () => ({
      key: drillId ?? 'county',
      frame: drillId ? frameOf(drillGrid.data) : null,
      features: drillId ? (drillGeo.data?.features ?? []) : (countyGeo.data?.features ?? []),
    }),
    [drillId, drillGrid.data, drillGeo.data, countyGeo.data],
  );
  return { geo, layer, drillGrid };
}
