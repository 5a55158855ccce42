import { ArrowLeftOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, QRCode, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { addStrings, useI18n } from '../../../i18n';
import { useNow } from '../../../ui/useNow';
import { LoadError, Loading } from '../../../ui/states';
import { useActivityCode, useVolunteerActivity, type VolunteerActivityDetail } from '../api';
import volunteerStrings from '../i18n';
import { countyLong } from '../time';

addStrings(volunteerStrings);

/** The QR code with its countdown; fetched again as the current window ends (the code before is still accepted). */
function RotatingCode({ activity }: { activity: VolunteerActivityDetail }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const code = useActivityCode(activity.id, false);
  const { data, refetch, isFetching } = code;
  // The code stops being accepted at expiresAt; a new one is issued a window earlier.
  const rotateAt = data ? Date.parse(data.expiresAt) - data.rotateSeconds * 1000 : null;
  useEffect(() => {
    if (rotateAt !== null && now >= rotateAt && !isFetching) void refetch();
  }, [now, rotateAt, isFetching, refetch]);
  // Not open yet (or a failure): ask again every 30 s, so a screen set up early shows the code when check-in opens.
  useEffect(() => {
    if (!code.isError) return;
    const timer = setInterval(() => void refetch(), 30_000);
    return () => clearInterval(timer);
  }, [code.isError, refetch]);
  if (code.isPending) return <Loading minHeight={360} />;
  if (code.isError || !data) return <Alert type="warning" showIcon message={errorMessage(code.error)} />;
  const left = Math.max(0, Math.ceil(((rotateAt ?? now) - now) / 1000));
  const url = `${window.location.origin}${data.url}`;
  return (
    <Flex vertical align="center" gap={12}>
      <QRCode value={url} size={Math.min(420, window.innerWidth - 80)} errorLevel="L" data-testid="va-qr" />
      <Progress
        percent={Math.round((left / data.rotateSeconds) * 100)}
        showInfo={false}
        style={{ width: 280, maxWidth: '100%' }}
      />
      <Typography.Text type="secondary" data-testid="va-countdown">
        {left > 0 ? t('volunteers.code.refreshIn', { s: left }) : t('volunteers.code.refreshing')}
      </Typography.Text>
    </Flex>
  );
}

/** 签到码: the activity's rotating QR code, big, for a tablet at the door (full screen on request). */
export default function VolunteerCodeScreen() {
  const { id } = useParams();
  const { t } = useI18n();
  const q = useVolunteerActivity(id);
  const box = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);
  useEffect(() => {
    const onChange = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (q.isLoading) return <Loading minHeight="50vh" />;
  if (q.isError || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void box.current?.requestFullscreen?.();
  };
  return (
    <div className="page" data-testid="volunteer-code-page">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Link to={`/volunteer-activities/${a.id}`}>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('volunteers.detail.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('volunteers.detail.code')}
          </Typography.Title>
        </Flex>
        {a.can.run && a.state === 'scheduled' && (
          <Button icon={full ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggle}>
            {t(full ? 'volunteers.code.exitFullscreen' : 'volunteers.code.fullscreen')}
          </Button>
        )}
      </Flex>
      <div ref={box} style={{ background: '#fff' }}>
        <Card>
          <Flex vertical align="center" gap={8} style={{ textAlign: 'center' }}>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {a.title}
            </Typography.Title>
            <Typography.Text type="secondary">
              {a.place} · {countyLong(a.startsAt)}
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: '8px 0' }}>
              {t('volunteers.code.title')}
            </Typography.Title>
            {a.state === 'cancelled' ? (
              <Alert type="warning" showIcon message={t('volunteers.code.cancelled')} />
            ) : !a.can.run ? (
              <Alert type="warning" showIcon message={t('volunteers.code.notRun')} />
            ) : (
              <RotatingCode activity={a} />
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('volunteers.code.hint')}
            </Typography.Paragraph>
          </Flex>
        </Card>
      </div>
    </div>
  );
}
