import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The record open in a drawer, kept in the address bar as `?<name>=<id>` so a reload or a shared link reopens it.
 * Returns the id (or null) and a setter (null closes).
 */
export function useOpenParam(name: string): [string | null, (id: string | null) => void] {
  const [sp, setSp] = useSearchParams();
  const open = useCallback(
    (id: string | null) =>
      setSp((prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set(name, id);
        else next.delete(name);
        return next;
      }),
    [name, setSp],
  );
  return [sp.get(name), open];
}
