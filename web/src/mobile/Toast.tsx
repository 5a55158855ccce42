import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client';

type Kind = 'info' | 'success' | 'error';
interface ToastApi {
  show: (text: string, kind?: Kind) => void;
  error: (err: unknown) => void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined, error: () => undefined });

/** One short message at a time, near the top of the screen, gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<{ text: string; kind: Kind; id: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Each message gets a new key, so the same text shown twice animates again.
  const shown = useRef(0);
  const show = useCallback((text: string, kind: Kind = 'info') => {
    if (timer.current) clearTimeout(timer.current);
    shown.current += 1;
    setToast({ text, kind, id: shown.current });
    timer.current = setTimeout(() => setToast(null), kind === 'error' ? 5000 : 2500);
  }, []);
  const api = useMemo<ToastApi>(() => ({ show, error: (err) => show(errorMessage(err), 'error') }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      {toast && (
        <div key={toast.id} className={`m-toast m-toast-${toast.kind}`} role="status" data-testid="m-toast">
          {toast.text}
        </div>
      )}
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
