import { DatePicker, Form, type FormInstance, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n';
import type { ProjectDetail } from './api';

export type MilestoneValues = { title: string; dueOn: Dayjs; weight: number; note?: string };

/** The new milestone's form; the card owns the form instance (reset when it opens) and the save. */
export function MilestoneModal({
  project,
  form,
  open,
  pending,
  onCancel,
  onOk,
}: {
  project: ProjectDetail;
  form: FormInstance<MilestoneValues>;
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onOk: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={t('projects.addMilestone')}
      onCancel={onCancel}
      onOk={onOk}
      confirmLoading={pending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ weight: 1 }}>
        <Form.Item
          name="title"
          label={t('projects.milestone')}
          rules={[{ required: true, message: t('errors.required', { field: t('projects.milestone') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('projects.dueOn')}
          extra={`${project.startOn} ~ ${project.endOn}`}
          rules={[{ required: true, message: t('errors.required', { field: t('projects.dueOn') }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="weight" label={t('projects.weight')}>
          <InputNumber min={1} max={100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('projects.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
