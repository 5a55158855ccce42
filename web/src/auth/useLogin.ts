import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { markLoggedIn, ME_KEY } from './session';

/**
 * The login form's behaviour, shared by the staff login (antd) and the phone's (plain HTML, no antd in its bundle):
 * post the credentials, then refresh the session so the app moves on; the server's message on failure.
 */
export function useLogin() {
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const login = useCallback(
    async (username: string, password: string) => {
      setBusy(true);
      setError(null);
      try {
        await api.post('/auth/login', { username: username.trim(), password });
        markLoggedIn();
        // The guards send the user on (to ?next= or home) as soon as the session is known.
        await qc.invalidateQueries({ queryKey: ME_KEY });
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
    [qc],
  );

  return { login, busy, error, setError };
}

/** The first empty field, as the one to name in "… is required" (the username counts blank when only spaces). */
export function missingLoginField(username: string, password: string): 'username' | 'password' | null {
  if (!username.trim()) return 'username';
  if (!password) return 'password';
  return null;
}
