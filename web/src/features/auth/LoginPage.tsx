import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { asProblem } from '../../api/problem';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { prefetchLanding } from './prefetchLanding';
import { useSession } from './session';
import { StyleWarmup } from './StyleWarmup';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { signedIn, login } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (signedIn) return <Navigate to={from} replace />;

  const onFinish = async ({ username, password }: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      prefetchLanding(queryClient, from);
      navigate(from, { replace: true });
    } catch (e) {
      const problem = asProblem(e);
      if (problem?.status === 429) {
        setError(t('auth.locked', { seconds: 300 }));
      } else if (problem?.status === 401 || problem?.status === 400) {
        setError(problem.detail ?? t('auth.failed'));
      } else {
        setError(t('common.networkError'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }} extra={<LanguageSwitch />} title={t('app.title')}>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} name="login">
          <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
      <StyleWarmup />
    </div>
  );
}
