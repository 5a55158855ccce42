import { ArrowLeftOutlined, EditOutlined, QrcodeOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { addStrings, useI18n } from '../../../i18n';
import { nowMs } from '../../../ui/clock';
import { useFeedback } from '../../../ui/feedback';
import { LoadError, Loading } from '../../../ui/states';
import { useActivityWrites, useVolunteerActivity, type VolunteerActivityDetail } from '../api';
import volunteerStrings from '../i18n';
import { ActivityStateTag } from '../parts';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityInfo, RolesCard } from './ActivityInfo';
import { RosterCard } from './RosterCard';

addStrings(volunteerStrings);

/** Cancelling the activity before it starts: a reason, told to everyone signed up or waiting. */
function CancelButton({ activity }: { activity: VolunteerActivityDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { cancel } = useActivityWrites(activity.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await cancel.mutateAsync(reason.trim());
      setOpen(false);
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="va-cancel">
        {t('volunteers.detail.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('volunteers.detail.cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={cancel.isPending}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('volunteers.detail.cancelReason')}
          data-testid="va-cancel-reason"
        />
      </Modal>
    </>
  );
}

/** One volunteer activity: its facts, roles, and for its organisers the roster, presence, the door code and changes. */
export default function VolunteerActivityPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const q = useVolunteerActivity(id);
  const [editing, setEditing] = useState(false);
  if (q.isLoading) return <Loading minHeight="50vh" />;
  if (q.isError || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const scheduled = a.state === 'scheduled';
  const notStarted = scheduled && nowMs() < Date.parse(a.startsAt);
  const notEnded = scheduled && nowMs() <= Date.parse(a.endsAt);
  return (
    <div className="page" data-testid="volunteer-activity-page">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Link to="/volunteer-activities">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('volunteers.detail.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {a.title}
          </Typography.Title>
          <ActivityStateTag state={a.state} />
        </Flex>
        {a.can.run && (
          <Flex gap={8} wrap>
            {notEnded && (
              <Link to={`/volunteer-activities/${a.id}/code`}>
                <Button type="primary" icon={<QrcodeOutlined />} data-testid="va-code">
                  {t('volunteers.detail.code')}
                </Button>
              </Link>
            )}
            {notStarted && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="va-edit">
                {t('volunteers.detail.edit')}
              </Button>
            )}
            {notStarted && <CancelButton activity={a} />}
          </Flex>
        )}
      </Flex>
      {a.state === 'cancelled' && (
        <Alert type="warning" showIcon message={t('volunteers.detail.cancelled', { reason: a.cancelReason ?? '' })} />
      )}
      <ActivityInfo activity={a} />
      <RolesCard activity={a} />
      {a.can.run && <RosterCard activity={a} />}
      {editing && <ActivityFormModal open onClose={() => setEditing(false)} activity={a} />}
    </div>
  );
}
