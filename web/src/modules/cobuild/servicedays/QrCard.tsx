import { CopyOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, QRCode, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type ServiceDayDetail, useDayWrites } from './api';
import { dayCheckinPath } from './mobile/dayCode';

/** The absolute address the QR code carries: the check-in page of the phone app (/m) on this server. */
export function checkinUrl(token: string): string {
  return `${window.location.origin}${dayCheckinPath(token)}`;
}

/** The day's QR code, big enough to scan from a printed sheet; printing shows only this card (see print CSS). */
export function QrCard({ day }: { day: ServiceDayDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { rotate } = useDayWrites(day.id);
  if (!day.checkinToken) return null;
  const url = checkinUrl(day.checkinToken);
  const copy = async () => {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    feedback.success(t('servicedays.copied'));
  };
  return (
    <Card size="small" title={t('servicedays.qrTitle')} className="sd-qr-card" data-testid="sd-qr">
      <Flex vertical align="center" gap={8}>
        <Typography.Title level={5} style={{ margin: 0, textAlign: 'center' }}>
          {day.communityName} · {day.theme}
        </Typography.Title>
        <Typography.Text>
          {day.date} {day.startTime}–{day.endTime} · {day.place}
        </Typography.Text>
        <QRCode value={url} size={220} errorLevel="M" bordered={false} />
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0, maxWidth: 280 }}>
          {t('servicedays.qrHint')}
        </Typography.Paragraph>
        <Flex gap={8} wrap justify="center" className="sd-no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="sd-qr-print">
            {t('servicedays.qrPrint')}
          </Button>
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('servicedays.copyLink')}
          </Button>
          {day.status !== 'cancelled' && (
            <Popconfirm
              title={t('servicedays.qrRotateConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                rotate
                  .mutateAsync({ version: day.version })
                  .then(() => feedback.success(t('servicedays.qrRotated')), feedback.error)
              }
            >
              <Button icon={<ReloadOutlined />} loading={rotate.isPending}>
                {t('servicedays.qrRotate')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
      <style>
        {
          '@media print { body * { visibility: hidden; } .sd-qr-card, .sd-qr-card * { visibility: visible; } .sd-qr-card { position: absolute; left: 0; top: 0; width: 100%; border: none; } .sd-no-print { display: none !important; } }'
        }
      </style>
    </Card>
  );
}
