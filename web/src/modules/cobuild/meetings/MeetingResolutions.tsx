import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { EmptyState } from '../../../ui/states';
import type { MeetingDetail, TaskView } from './api';
import { ResolutionForm, type ResolutionValues } from './ResolutionForm';
import { TaskUpdateModal } from './TaskUpdateModal';
import { taskColumns, UpdateTaskButton, useMayUpdateTask } from './taskParts';

/** The meeting's resolutions as tasks; staff add them (owner unit + deadline + content), owners update theirs. */
export function MeetingResolutions({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TaskView | null>(null);
  const [form] = Form.useForm<ResolutionValues>();
  const canAdd = m.can.manage && (m.status === 'scheduled' || m.status === 'held');
  const mayUpdate = useMayUpdateTask(m.can.manage);

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
          ...taskColumns(t, { owner: 150, deadline: 100, status: 140 }),
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            render: (_, r) => (mayUpdate(r) ? <UpdateTaskButton task={r} onClick={setEditing} /> : null),
          },
        ]}
      />
      <ResolutionForm m={m} open={adding} form={form} onClose={() => setAdding(false)} />
      <TaskUpdateModal task={editing} staff={m.can.manage} onClose={() => setEditing(null)} />
    </Card>
  );
}
