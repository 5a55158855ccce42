import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, List, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState } from '../../../ui/states';
import { type AgendaItemView, type MeetingDetail, useMeetingWrites } from './api';
import { AgendaSourceTag, TaskStatusTag } from './MeetingTags';

/** An open need's detail is its priority ("P4"); the others' (owner · deadline, case number, progress · end) read as they are. */
function useDetail() {
  const { t } = useI18n();
  return (item: AgendaItemView) => {
    const p = item.source === 'open_need' ? /^P(\d)$/.exec(item.detail ?? '') : null;
    return p ? t('meetings.needPriority', { priority: p[1] }) : item.detail;
  };
}

/** The agenda, each item tagged with where it came from; follow-ups show their task's status and the progress recorded. */
export function MeetingAgenda({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const detailOf = useDetail();
  const writes = useMeetingWrites(m.id);
  const [adding, setAdding] = useState(false);
  const [progressOf, setProgressOf] = useState<AgendaItemView | null>(null);
  const [form] = Form.useForm<{ title: string; detail?: string; progressNote?: string }>();
  const planning = m.can.manage && (m.status === 'proposed' || m.status === 'scheduled');
  const recording = m.can.manage && m.status !== 'cancelled';

  const run = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      feedback.success(done);
      return true;
    } catch (err) {
      feedback.error(err);
      return false;
    }
  };
  const submit = async () => {
    const v = await form.validateFields();
    const ok = progressOf
      ? await run(
          writes.progress.mutateAsync({ itemId: progressOf.id, progressNote: v.progressNote?.trim() || null }),
          t('common.saved'),
        )
      : await run(
          writes.addItem.mutateAsync({ title: v.title.trim(), detail: v.detail?.trim() || null }),
          t('common.saved'),
        );
    if (ok) {
      setAdding(false);
      setProgressOf(null);
    }
  };
  const openProgress = (item: AgendaItemView) => {
    form.setFieldsValue({ progressNote: item.progressNote ?? '' });
    setProgressOf(item);
  };

  return (
    <Card
      size="small"
      title={`${t('meetings.agenda')}（${m.agenda.length}）`}
      data-testid="meeting-agenda"
      extra={
        planning && (
          <Space wrap>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              loading={writes.refreshAgenda.isPending}
              onClick={() => void run(writes.refreshAgenda.mutateAsync({}), t('meetings.refreshed'))}
              data-testid="agenda-refresh"
            >
              {t('meetings.refreshAgenda')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                setAdding(true);
              }}
              data-testid="agenda-add"
            >
              {t('meetings.addItem')}
            </Button>
          </Space>
        )
      }
    >
      <List<AgendaItemView>
        dataSource={m.agenda}
        locale={{ emptyText: <EmptyState description={t('meetings.agendaEmpty')} /> }}
        renderItem={(item) => (
          <List.Item
            data-testid={`agenda-item-${item.source}`}
            actions={[
              item.source === 'follow_up' && recording && (
                <Button key="p" size="small" type="link" icon={<EditOutlined />} onClick={() => openProgress(item)}>
                  {t('meetings.recordProgress')}
                </Button>
              ),
              planning && (
                <Popconfirm
                  key="d"
                  title={t('meetings.removeItemConfirm', { title: item.title })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => run(writes.removeItem.mutateAsync(item.id), t('common.deleted'))}
                >
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('meetings.removeItem')}
                  />
                </Popconfirm>
              ),
            ].filter(Boolean)}
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <span>
                <AgendaSourceTag source={item.source} />
                {item.title}
              </span>
              {(item.detail || item.taskStatus) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {detailOf(item)}
                  {item.taskStatus && (
                    <>
                      {' '}
                      · <TaskStatusTag status={item.taskStatus} />
                    </>
                  )}
                  {item.taskStatusAtMeeting && (
                    <>
                      {t('meetings.statusAtMeeting')}：<TaskStatusTag status={item.taskStatusAtMeeting} />
                    </>
                  )}
                </Typography.Text>
              )}
              {item.progressNote && (
                <Typography.Text style={{ fontSize: 13 }}>
                  {t('meetings.progress')}：{item.progressNote}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
      <Modal
        open={adding || progressOf !== null}
        title={progressOf ? t('meetings.recordProgress') : t('meetings.addItem')}
        onCancel={() => {
          setAdding(false);
          setProgressOf(null);
        }}
        onOk={() => void submit().catch(() => undefined)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {progressOf ? (
            <Form.Item name="progressNote" label={t('meetings.progressNote')} extra={progressOf.title}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="title"
                label={t('meetings.itemTitle')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('errors.required', { field: t('meetings.itemTitle') }),
                  },
                ]}
              >
                <Input maxLength={200} data-testid="agenda-title" />
              </Form.Item>
              <Form.Item name="detail" label={t('meetings.itemDetail')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
