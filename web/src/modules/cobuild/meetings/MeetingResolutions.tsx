import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { scopeOrgsOf } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatDate } from '../../../ui/format';
import { EmptyState } from '../../../ui/states';
import { OrgSelect } from '../../org/OrgSelect';
import { type MeetingDetail, type TaskView, useMeetingWrites } from './api';
import { TaskStatusTag } from './MeetingTags';
import { TaskUpdateModal } from './TaskUpdateModal';

/** The meeting's resolutions as tasks; staff add them (owner unit + deadline + content), owners update theirs. */
export function MeetingResolutions({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { me } = useSession();
  const { resolve } = useMeetingWrites(m.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TaskView | null>(null);
  const [form] = Form.useForm<{ ownerUnitId: string; deadline: Dayjs; content: string; otherUnit?: boolean }>();
  const canAdd = m.can.manage && (m.status === 'scheduled' || m.status === 'held');
  const myUnits = scopeOrgsOf(me, 'unit_admin');
  const mayUpdate = (task: TaskView) =>
    task.status !== 'cancelled' && (m.can.manage || (myUnits.includes(task.ownerUnitId) && task.status !== 'done'));
  const invitedOptions = m.invitations.map((i) => ({ value: i.unitId, label: i.unitName }));

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await resolve.mutateAsync({
        ownerUnitId: v.ownerUnitId,
        deadline: v.deadline.format('YYYY-MM-DD'),
        content: v.content.trim(),
      });
      feedback.success(t('common.created'));
      setAdding(false);
    } catch (err) {
      feedback.error(err);
    }
  };
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];

  return (
    <Card
      size="small"
      title={`${t('meetings.resolutions')}（${m.resolutions.length}）`}
      data-testid="meeting-resolutions"
      extra={
        canAdd && (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              setAdding(true);
            }}
            data-testid="resolution-add"
          >
            {t('meetings.addResolution')}
          </Button>
        )
      }
    >
      {!canAdd && m.status === 'proposed' && (
        <Typography.Paragraph type="secondary">{t('meetings.resolutionsHintBefore')}</Typography.Paragraph>
      )}
      <Table<TaskView>
        rowKey="id"
        size="small"
        dataSource={m.resolutions}
        pagination={false}
        scroll={{ x: 620 }}
        locale={{ emptyText: <EmptyState description={t('meetings.noResolutions')} /> }}
        columns={[
          {
            key: 'content',
            title: t('meetings.resolutionContent'),
            render: (_, r) => (
              <>
                <div>{r.content}</div>
                {r.completionNote && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.completionNote}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { key: 'owner', title: t('meetings.ownerUnit'), width: 150, render: (_, r) => r.ownerUnitName },
          {
            key: 'deadline',
            title: t('meetings.deadline'),
            width: 100,
            render: (_, r) => (
              <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDate(r.deadline)}</Typography.Text>
            ),
          },
          {
            key: 'status',
            title: t('meetings.taskStatus'),
            width: 140,
            render: (_, r) => <TaskStatusTag status={r.status} overdue={r.overdue} />,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            render: (_, r) =>
              mayUpdate(r) ? (
                <Button size="small" onClick={() => setEditing(r)} data-testid={`task-update-${r.id}`}>
                  {t('meetings.update')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('meetings.addResolution')}
        onCancel={() => setAdding(false)}
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={resolve.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" data-testid="resolution-form">
          <Form.Item
            name="content"
            label={t('meetings.resolutionContent')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('errors.required', { field: t('meetings.resolutionContent') }),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="resolution-content" />
          </Form.Item>
          <Form.Item name="ownerUnitId" label={t('meetings.ownerUnit')} rules={required(t('meetings.ownerUnit'))}>
            {invitedOptions.length ? (
              <Select
                options={invitedOptions}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="resolution-owner"
              />
            ) : (
              <OrgSelect kind="unit" />
            )}
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('meetings.deadline')}
            extra={t('meetings.deadlineHint')}
            rules={required(t('meetings.deadline'))}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(m.meetingDate), 'day')}
              data-testid="resolution-deadline"
            />
          </Form.Item>
        </Form>
      </Modal>
      <TaskUpdateModal task={editing} staff={m.can.manage} onClose={() => setEditing(null)} />
    </Card>
  );
}
