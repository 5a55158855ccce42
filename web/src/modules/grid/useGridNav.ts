import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { GridDetail } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { gridKeys, locateGrid } from './api';

export type GridNav = (changes: { grid?: string | null; in?: string | null }) => void;

/**
 * Where the map is, in the address bar: `grid` (the grid selected) and `in` (the grid drilled into). `go` changes
 * either; undefined leaves a parameter, null removes it.
 */
export function useGridNav() {
  const [sp, setSp] = useSearchParams();
  const go = useCallback<GridNav>(
    (changes) => {
      setSp((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined) continue;
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      });
    },
    [setSp],
  );
  return { selectedId: sp.get('grid'), drillId: sp.get('in'), go };
}

/** "Which grid is here?": selects the grid at a point, opens its parent, and marks the point on that layer. */
export function useLocatePoint(go: GridNav) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const qc = useQueryClient();
  const [locateBusy, setLocateBusy] = useState(false);
  const [marker, setMarker] = useState<{ layer: string; point: [number, number] } | null>(null);

  const locate = async (lng: number, lat: number) => {
    setLocateBusy(true);
    try {
      const { grid } = await locateGrid(lng, lat);
      const detail = await qc.fetchQuery({
        queryKey: gridKeys.detail(grid.id),
        queryFn: () => api.get<GridDetail>(`/grids/${grid.id}`),
      });
      setMarker({ layer: detail.parentId ?? 'county', point: [lng, lat] });
      go({ grid: grid.id, in: detail.parentId });
      feedback.success(t('grid.locateResult', { name: grid.name, code: grid.code }));
    } catch (err) {
      feedback.error(err);
    } finally {
      setLocateBusy(false);
    }
  };
  return { locate, locateBusy, marker };
}
