import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useLogin } from './useLogin';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { login, busy, error, setError } = useLogin();

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card" variant="borderless">
        <div className="login-brand">
          <span className="brand-mark brand-mark-lg">{t('app.mark')}</span>
          <Typography.Title level={2} className="login-title">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" className="login-subtitle">
            {t('app.subtitle')}
          </Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} className="login-error" data-testid="login-error" />}
        <Form<Values>
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(v) => void login(v.username, v.password)}
          onValuesChange={() => setError(null)}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('errors.required', { field: t('auth.username') }) }]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('auth.usernamePlaceholder')}
              autoComplete="username"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('errors.required', { field: t('auth.password') }) }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('auth.passwordPlaceholder')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {busy ? t('auth.loggingIn') : t('auth.login')}
          </Button>
        </Form>
      </Card>
      <div className="login-footer">{t('app.footer')}</div>
    </div>
  );
}
