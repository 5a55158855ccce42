import { Alert, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { countyWallClock } from '../../../ui/clock';
import { useFeedback } from '../../../ui/feedback';
import { markServerFieldErrors } from '../../../ui/serverErrors';
import { useActivityWrites, type VolunteerActivityDetail } from '../api';
import { ActivityFormFields } from './ActivityFormFields';
import { type ActivityFormValues, createInput, formValuesOf, updateInput } from './activityForm';
import { useOrganiser } from './useOrganiser';

/** Publishes an activity, or edits one that has not started (`activity` given). */
export function ActivityFormModal({
  open,
  onClose,
  activity,
}: {
  open: boolean;
  onClose: () => void;
  activity?: VolunteerActivityDetail;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const writes = useActivityWrites(activity?.id);
  const organiser = useOrganiser();
  const [form] = Form.useForm<ActivityFormValues>();
  const communityId = Form.useWatch('communityId', form);
  const teamId = Form.useWatch('teamId', form);
  const leaderTeams = organiser.staff ? null : organiser.runnableTeams;
  const firstTeam = leaderTeams?.[0];
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const defaults = firstTeam
      ? { communityId: firstTeam.communityId ?? undefined, teamId: firstTeam.id }
      : { communityId: organiser.ownCommunity };
    form.setFieldsValue(formValuesOf(activity, defaults, dayjs(countyWallClock())));
  }, [open, activity, organiser.ownCommunity, firstTeam, form]);
  // A leader's activity belongs to the community of the team they chose.
  useEffect(() => {
    const team = leaderTeams?.find((tm) => tm.id === teamId);
    if (team?.communityId && team.communityId !== form.getFieldValue('communityId'))
      form.setFieldValue('communityId', team.communityId);
  }, [teamId, leaderTeams, form]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (activity) {
        await writes.update.mutateAsync(updateInput(v, activity.version));
        feedback.success(t('common.saved'));
        onClose();
      } else {
        const created = await writes.create.mutateAsync(createInput(v));
        feedback.success(t('common.created'));
        onClose();
        navigate(`/volunteer-activities/${created.id}`);
      }
    } catch (err) {
      markServerFieldErrors(form, err, t('errors.fieldInvalid'));
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={open}
      title={t(activity ? 'volunteers.activities.editTitle' : 'volunteers.activities.createTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={writes.create.isPending || writes.update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      {leaderTeams && !activity && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('volunteers.activities.noRunnableTeam')} />
      )}
      <Form form={form} layout="vertical" data-testid="va-form">
        <ActivityFormFields
          communityId={communityId}
          lockCommunity={!!organiser.ownCommunity && !leaderTeams}
          leaderTeams={leaderTeams}
          editing={!!activity}
        />
      </Form>
    </Modal>
  );
}
