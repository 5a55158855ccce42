import { Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { useActivityWrites, useVolunteers, type VolunteerActivityDetail } from '../api';

/** Choose a registered volunteer by typing part of a name (the registry's search). */
export function VolunteerSelect({
  value,
  onChange,
  testId,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useVolunteers({ q: q || undefined, state: 'active', pageSize: 20 });
  return (
    <Select<string>
      data-testid={testId}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      allowClear
      placeholder={t('volunteers.detail.chooseVolunteer')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={found.isFetching}
      notFoundContent={found.isError ? t('common.loadFailed') : t('common.empty')}
      options={(found.data?.items ?? []).map((v) => ({
        value: v.id,
        label: [v.name, v.phone, v.communityName].filter(Boolean).join(' · '),
      }))}
    />
  );
}

/** The organiser signs a volunteer up on a role (a full role puts them on its waitlist). */
export function AddSignupDialog({
  activity,
  open,
  onClose,
}: {
  activity: VolunteerActivityDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { signUp } = useActivityWrites(activity.id);
  const [form] = Form.useForm<{ volunteerId: string; roleId: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await signUp.mutateAsync(v);
      feedback.success(t('volunteers.detail.signedUp'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  return (
    <Modal
      open={open}
      title={t('volunteers.detail.addSignupTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={signUp.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roleId: activity.roles[0]?.id }}
        data-testid="va-add-signup-form"
      >
        <Form.Item name="volunteerId" label={t('volunteers.volunteer')} rules={required(t('volunteers.volunteer'))}>
          <VolunteerSelect testId="va-add-volunteer" />
        </Form.Item>
        <Form.Item
          name="roleId"
          label={t('volunteers.detail.chooseRole')}
          rules={required(t('volunteers.detail.chooseRole'))}
        >
          <Select
            options={activity.roles.map((r) => ({
              value: r.id,
              label: `${r.name} · ${t('volunteers.activities.takenOfSlots', { taken: r.taken, slots: r.slots })}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
