import { Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type TaskStatus, type TaskView, useTaskUpdate } from './api';
import { useStatusLabels } from './MeetingTags';

/** Where a task may go from each status; cancelling and reopening a done task are the community's calls. */
const NEXT: Record<TaskStatus, TaskStatus[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: [],
};

export function TaskUpdateModal({
  task,
  staff,
  onClose,
}: {
  task: TaskView | null;
  staff: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const labels = useStatusLabels();
  const update = useTaskUpdate();
  const [form] = Form.useForm<{ status: TaskStatus; completionNote: string }>();
  const status = Form.useWatch('status', form);
  useEffect(() => {
    if (task) form.setFieldsValue({ status: task.status, completionNote: task.completionNote ?? '' });
  }, [task, form]);
  if (!task) return null;
  const options = [
    task.status,
    ...NEXT[task.status].filter((s) => staff || (s !== 'cancelled' && task.status !== 'done')),
  ];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await update.mutateAsync({
        id: task.id,
        version: task.version,
        completionNote: v.completionNote.trim() || null,
        ...(v.status !== task.status ? { status: v.status } : {}),
      });
      feedback.success(t('common.saved'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open
      title={t('meetings.updateTask')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph>{task.content}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {task.ownerUnitName} · {t('meetings.deadline')} {task.deadline}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="task-update-form">
        <Form.Item name="status" label={t('meetings.taskStatus')} rules={[{ required: true }]}>
          <Select options={options.map((s) => ({ value: s, label: labels.task(s) }))} data-testid="task-status" />
        </Form.Item>
        <Form.Item
          name="completionNote"
          label={t('meetings.completionNote')}
          extra={t('meetings.completionNoteHint')}
          rules={[
            {
              required: status === 'done',
              whitespace: true,
              message: t('errors.required', { field: t('meetings.completionNote') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="task-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
