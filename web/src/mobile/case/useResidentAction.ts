import { useState } from 'react';
import type { CaseDetail, TransitionRequest } from '../../api/contracts';
import { transitionCase } from '../../modules/cases/api';
import { useToast } from '../Toast';

/**
 * What the rating and the reopening cards share: one transition at a time, a toast on success, the error toast
 * otherwise (`mapError` lets the rating say "changed meanwhile" for a stale version, as it always has).
 */
export function useResidentAction(
  c: CaseDetail,
  onDone: (d: CaseDetail) => void,
  success: string,
  mapError: (err: unknown) => unknown = (err) => err,
) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async (body: TransitionRequest) => {
    setBusy(true);
    try {
      const d = await transitionCase(c.id, body);
      toast.show(success, 'success');
      onDone(d);
    } catch (err) {
      toast.error(mapError(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
