import { ArrowLeftOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { nowMs } from '../../../ui/clock';
import { useFeedback } from '../../../ui/feedback';
import { LoadError, Loading } from '../../../ui/states';
import {
  CHECKIN_OPENS_MINUTES_BEFORE,
  countyDay,
  countyShort,
  type PostActivityDetail,
  timeRange,
  useActivity,
  useActivityWrites,
} from './api';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityStateTag, useTypeName } from './ActivityTags';
import { SignupsCard } from './SignupsCard';

function CancelButton({ activity }: { activity: PostActivityDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { cancel } = useActivityWrites(activity.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await cancel.mutateAsync({ reason, version: activity.version });
      setOpen(false);
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="pa-cancel">
        {t('postActivities.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('postActivities.cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={cancel.isPending}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('postActivities.cancelReason')}
        />
      </Modal>
    </>
  );
}

/** One post activity: what, where and when, and its sign-ups with check-in and check-out. */
export default function ActivityPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const typeName = useTypeName();
  const q = useActivity(id);
  const [editing, setEditing] = useState(false);
  if (q.isLoading) return <Loading minHeight="50vh" />;
  if (q.isError || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const notStarted = a.state === 'scheduled' && Date.parse(a.startsAt) > nowMs();
  return (
    <div className="page" data-testid="post-activity-page">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Link to="/post-activities">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('postActivities.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {a.title}
          </Typography.Title>
          <ActivityStateTag state={a.state} />
        </Flex>
        {a.can.manage && notStarted && (
          <Flex gap={8} wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="pa-edit">
              {t('postActivities.edit')}
            </Button>
            <CancelButton activity={a} />
          </Flex>
        )}
      </Flex>
      {a.state === 'cancelled' && (
        <Alert type="warning" showIcon message={t('postActivities.cancelled', { reason: a.cancelReason ?? '' })} />
      )}
      <Card style={{ margin: '12px 0' }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('postActivities.community')}>{a.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('postActivities.postType')}>{typeName(a)}</Descriptions.Item>
          {a.openingTitle && (
            <Descriptions.Item label={t('postActivities.opening')}>{a.openingTitle}</Descriptions.Item>
          )}
          {a.gridName && <Descriptions.Item label={t('postActivities.grid')}>{a.gridName}</Descriptions.Item>}
          <Descriptions.Item label={t('postActivities.date')}>
            {countyDay(a.startsAt)} {timeRange(a)}
          </Descriptions.Item>
          <Descriptions.Item label={t('postActivities.place')}>{a.place}</Descriptions.Item>
          <Descriptions.Item label={t('postActivities.capacity')}>
            {t('postActivities.seats', { n: a.signupCount, capacity: a.capacity })}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">
          {t('postActivities.checkinWindow', {
            from: countyShort(a.checkinOpensAt),
            to: countyShort(a.checkinClosesAt),
            minutes: CHECKIN_OPENS_MINUTES_BEFORE,
          })}
        </Typography.Text>
      </Card>
      <SignupsCard activity={a} />
      <ActivityFormModal open={editing} onClose={() => setEditing(false)} activity={a} />
    </div>
  );
}
