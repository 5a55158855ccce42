import { LoadError, Loading } from '../../ui/states';
import type { useGrid } from './api';
import { GridDetail } from './GridDetail';
import type { GridNav } from './useGridNav';

/** The selected grid's detail, or its loading and error states. */
export function SelectedGrid({
  selected,
  drillId,
  go,
}: {
  selected: ReturnType<typeof useGrid>;
  drillId: string | null;
  go: GridNav;
}) {
  if (selected.isLoading) return <Loading />;
  if (selected.isError || !selected.data)
    return <LoadError error={selected.error} onRetry={() => void selected.refetch()} compact />;
  return (
    <GridDetail
      grid={selected.data}
      drilled={selected.data.id === drillId}
      onSelect={(id) => go({ grid: id })}
      onDrill={(id) => go({ in: id })}
    />
  );
}
