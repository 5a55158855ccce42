import { CheckCircleFilled, ClockCircleOutlined, CloseCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../ui/format';
import { Loading } from '../../../ui/states';
import { type CheckinPage as Page, useCheckinPage, useSelfCheckin } from './api';

/** Why the button is not offered, if it is not. */
function windowNotice(page: Page, t: ReturnType<typeof useI18n>['t']): string | null {
  if (page.window === 'cancelled') return t('servicedays.mCancelled');
  if (page.window === 'not_started') return t('servicedays.mNotStarted', { time: formatDateTime(page.opensAt) });
  if (page.window === 'closed') return t('servicedays.mClosed', { time: formatDateTime(page.closesAt) });
  if (!page.memberName) return t('servicedays.mNoMember');
  return null;
}

/**
 * The page the day's QR code opens on a member's phone (390 px wide): the day, who is checking in, and one big
 * 签到 button; the answer (new or earlier check-in, or why not) replaces it.
 */
export default function CheckinPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const page = useCheckinPage(token);
  const checkin = useSelfCheckin(token);
  if (page.isLoading) return <Loading minHeight="60vh" />;
  if (page.isError || !page.data) {
    const invalid = page.error instanceof ApiError && page.error.status === 404;
    return (
      <Result
        status={invalid ? 'warning' : 'error'}
        title={invalid ? t('servicedays.mInvalid') : errorMessage(page.error)}
        extra={
          <Link to="/">
            <Button>{t('servicedays.mHome')}</Button>
          </Link>
        }
      />
    );
  }
  const p = page.data;
  const done = checkin.data ?? p.myCheckin;
  const notice = windowNotice(p, t);
  return (
    <Flex justify="center" className="sd-checkin-page" data-testid="sd-checkin-page">
      <Card style={{ width: '100%', maxWidth: 440 }} styles={{ body: { padding: 20 } }}>
        <Flex vertical gap={12} align="stretch">
          <Typography.Text type="secondary">
            {t('servicedays.mTitle')} · {p.communityName}
          </Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.theme}
          </Typography.Title>
          <Typography.Text>
            <ClockCircleOutlined /> {p.date} {p.startTime}–{p.endTime}
          </Typography.Text>
          <Typography.Text>
            <EnvironmentOutlined /> {p.place}
          </Typography.Text>
          {p.memberName && <Typography.Text strong>{t('servicedays.mWho', { name: p.memberName })}</Typography.Text>}
          {done ? (
            <Result
              status="success"
              icon={<CheckCircleFilled />}
              style={{ padding: '24px 0 8px' }}
              data-testid="sd-checkin-done"
              title={checkin.data ? t('servicedays.mDone') : t('servicedays.mAlready')}
              subTitle={t('servicedays.mAt', { time: formatDateTime(done.checkedInAt) })}
            />
          ) : notice ? (
            <Alert
              type="warning"
              showIcon
              icon={<CloseCircleOutlined />}
              title={notice}
              data-testid="sd-checkin-notice"
            />
          ) : (
            <Button
              type="primary"
              size="large"
              block
              loading={checkin.isPending}
              onClick={() => checkin.mutate()}
              data-testid="sd-checkin-button"
              style={{ height: 96, fontSize: 28, letterSpacing: 8, borderRadius: 48, marginTop: 12 }}
            >
              {t('servicedays.mButton')}
            </Button>
          )}
          {checkin.isError && (
            <Alert type="error" showIcon title={errorMessage(checkin.error)} data-testid="sd-checkin-error" />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
