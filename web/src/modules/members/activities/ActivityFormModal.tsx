import { Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { countyWallClock } from '../../../ui/clock';
import { useFeedback } from '../../../ui/feedback';
import { type PostActivityDetail, useActivityWrites } from './api';
import { ActivityFormFields } from './ActivityFormFields';
import { activityInput, type ActivityFormValues, formValuesOf } from './activityForm';

/** Schedules an activity, or edits one that has not started (`activity` given). */
export function ActivityFormModal({
  open,
  onClose,
  activity,
  ownCommunity,
}: {
  open: boolean;
  onClose: () => void;
  activity?: PostActivityDetail;
  ownCommunity?: string;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const writes = useActivityWrites(activity?.id);
  const [form] = Form.useForm<ActivityFormValues>();
  const communityId = Form.useWatch('communityId', form);
  const postTypeId = Form.useWatch('postTypeId', form);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(formValuesOf(activity, ownCommunity, dayjs(countyWallClock())));
  }, [open, activity, ownCommunity, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const input = activityInput(v);
    try {
      if (activity) {
        await writes.update.mutateAsync({ ...input, version: activity.version });
        feedback.success(t('common.saved'));
        onClose();
      } else {
        const created = await writes.create.mutateAsync({ ...input, communityId: v.communityId });
        feedback.success(t('common.created'));
        onClose();
        navigate(`/post-activities/${created.id}`);
      }
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={open}
      title={t(activity ? 'postActivities.editTitle' : 'postActivities.createTitle')}
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={writes.create.isPending || writes.update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" data-testid="activity-form">
        <ActivityFormFields
          lockCommunity={!!ownCommunity || !!activity}
          communityId={communityId}
          postTypeId={postTypeId}
        />
      </Form>
    </Modal>
  );
}
