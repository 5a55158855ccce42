import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, List, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState } from '../../../ui/states';
import { type AgendaItemView, type MeetingDetail, useMeetingWrites } from './api';
import { AgendaDialog, type AgendaValues } from './AgendaDialog';
import { AgendaItemBody } from './AgendaItemBody';

/** The agenda, each item tagged with where it came from; follow-ups show their task's status and the progress recorded. */
export function MeetingAgenda({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useMeetingWrites(m.id);
  const [adding, setAdding] = useState(false);
  const [progressOf, setProgressOf] = useState<AgendaItemView | null>(null);
  const [form] = Form.useForm<AgendaValues>();
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
            <AgendaItemBody item={item} />
          </List.Item>
        )}
      />
      <AgendaDialog
        open={adding || progressOf !== null}
        progressOf={progressOf}
        form={form}
        onCancel={() => {
          setAdding(false);
          setProgressOf(null);
        }}
        onOk={() => void submit().catch(() => undefined)}
      />
    </Card>
  );
}
