import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type ListState, pageChanges, readListState, withChanges } from './listParams';

export { sortOrderOf, sortParam } from './listParams';

export interface ListParams<K extends string> extends ListState<K> {
  setFilter: (key: K | 'q', value: string | undefined) => void;
  /** Several filters at once (one history entry, no lost update). */
  setFilters: (changes: Partial<Record<K | 'q', string | undefined>>) => void;
  setPage: (page: number, pageSize: number) => void;
  setSort: (sort: string | undefined) => void;
  reset: () => void;
}

/**
 * List state (page, size, search, sort, filters) kept in the address bar, so a reload, a shared link or the back
 * button keeps what the user was looking at.
 */
export function useListParams<K extends string>(filterKeys: readonly K[]): ListParams<K> {
  const [sp, setSp] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | undefined>) => setSp((prev) => withChanges(prev, changes), { replace: true }),
    [setSp],
  );
  const keysId = filterKeys.join(',');
  return useMemo(
    () => ({
      ...readListState(sp, keysId.split(',') as K[]),
      setFilter: (key, value) => update({ [key]: value, page: undefined }),
      setFilters: (changes) => update({ ...changes, page: undefined }),
      setPage: (p, s) => update(pageChanges(p, s)),
      setSort: (s) => update({ sort: s, page: undefined }),
      reset: () => setSp(new URLSearchParams(), { replace: true }),
    }),
    [sp, keysId, update, setSp],
  );
}
