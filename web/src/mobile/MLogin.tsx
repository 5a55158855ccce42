import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useMeQuery } from '../auth/session';
import { missingLoginField, useLogin } from '../auth/useLogin';
import { useI18n } from '../i18n';
import { LangToggle } from './MLayout';
import { Spinner } from './parts';

/** The phone login: the same accounts and API as the staff site. */
export function MLogin() {
  const { t } = useI18n();
  const me = useMeQuery();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { login, busy, error, setError } = useLogin();
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';

  if (me.isLoading) return <Spinner full />;
  if (me.data) return <Navigate to={target} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingLoginField(username, password);
    if (missing) {
      setError(t('errors.required', { field: t(`auth.${missing}`) }));
      return;
    }
    await login(username, password);
  };

  return (
    <div className="m-login">
      <div className="m-login-lang">
        <LangToggle />
      </div>
      <div className="m-login-brand">
        <span className="m-brand-mark">{t('app.mark')}</span>
        <h1>{t('app.name')}</h1>
        <p>
          {t('mobile.loginTitle')} · {t('mobile.title')}
        </p>
      </div>
      <form className="m-card m-form" onSubmit={(e) => void submit(e)}>
        <label className="m-field">
          <span>{t('auth.username')}</span>
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoCapitalize="off"
            placeholder={t('auth.usernamePlaceholder')}
            data-testid="m-login-username"
          />
        </label>
        <label className="m-field">
          <span>{t('auth.password')}</span>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            placeholder={t('auth.passwordPlaceholder')}
            data-testid="m-login-password"
          />
        </label>
        {error && (
          <div className="m-error" data-testid="m-login-error">
            {error}
          </div>
        )}
        <button type="submit" className="m-btn m-btn-primary m-btn-block" disabled={busy} data-testid="m-login-submit">
          {busy ? t('auth.loggingIn') : t('auth.login')}
        </button>
      </form>
      <a className="m-login-foot" href="/">
        {t('mobile.staffSite')}
      </a>
    </div>
  );
}
