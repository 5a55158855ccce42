import { nowMs } from '../../../ui/clock';
import { ArrowLeftOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Input, Modal, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatDate } from '../../../ui/format';
import { LoadError, Loading } from '../../../ui/states';
import { type ServiceDayDetail, useDayWrites, useServiceDay } from './api';
import { CheckinsCard } from './CheckinsCard';
import { DayFormModal } from './DayFormModal';
import { KindTags, StatusTag } from './DayTags';
import { OutcomeCard } from './OutcomeCard';
import { QrCard } from './QrCard';
import { SignupsCard } from './SignupsCard';
import { SummaryCard } from './SummaryCard';

function CancelButton({ day }: { day: ServiceDayDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { cancel } = useDayWrites(day.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await cancel.mutateAsync({ reason, version: day.version });
      setOpen(false);
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="sd-cancel">
        {t('servicedays.cancelDay')}
      </Button>
      <Modal
        open={open}
        title={t('servicedays.cancelDay')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={cancel.isPending}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Typography.Paragraph>{t('servicedays.cancelConfirm')}</Typography.Paragraph>
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('servicedays.cancelReason')}
        />
      </Modal>
    </>
  );
}

/** One service day: what and where, its QR code, sign-ups, check-ins, outcome and figures. */
export default function ServiceDayPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const q = useServiceDay(id);
  const [editing, setEditing] = useState(false);
  if (q.isLoading) return <Loading minHeight="50vh" />;
  if (q.isError || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const day = q.data;
  const open = day.status === 'scheduled' && Date.parse(day.startsAt) > nowMs();
  return (
    <div className="page" data-testid="service-day-page">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Link to="/cobuild/service-days">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('servicedays.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {day.theme}
          </Typography.Title>
          <StatusTag status={day.status} />
        </Flex>
        {day.can.manage && open && (
          <Flex gap={8} wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="sd-edit">
              {t('servicedays.edit')}
            </Button>
            <CancelButton day={day} />
          </Flex>
        )}
      </Flex>
      {day.status === 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          title={t('servicedays.cancelled', { reason: day.cancelReason ?? '' })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={day.checkinToken ? 16 : 24}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('servicedays.info')}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'c', label: t('servicedays.community'), children: day.communityName },
                  {
                    key: 'd',
                    label: t('servicedays.date'),
                    children: `${formatDate(day.date)} ${day.startTime}–${day.endTime}`,
                  },
                  { key: 'p', label: t('servicedays.place'), children: day.place },
                  { key: 'k', label: t('servicedays.kinds'), children: <KindTags codes={day.kindCodes} /> },
                ]}
              />
            </Card>
            <SummaryCard day={day} />
            <SignupsCard day={day} />
            <CheckinsCard day={day} />
            <OutcomeCard day={day} />
          </Flex>
        </Col>
        {day.checkinToken && (
          <Col xs={24} lg={8}>
            <QrCard day={day} />
          </Col>
        )}
      </Row>
      <DayFormModal open={editing} onClose={() => setEditing(false)} day={day} />
    </div>
  );
}
