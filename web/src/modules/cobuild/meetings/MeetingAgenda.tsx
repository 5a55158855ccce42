import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, List, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState } from '../../../ui/states';
import { type AgendaItemView, type MeetingDetail, useMeetingWrites } from './api';
import { AgendaDialog, type AgendaValues } from './AgendaDialog';
import { AgendaItemBody } from './AgendaItemBody';

/** Awaits a write and toasts `done` or the error; true when it went through. */
function useRun() {
  const feedback = useFeedback();
  return async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      feedback.success(done);
      return true;
    } catch (err) {
      feedback.error(err);
      return false;
    }
  };
}

/** 刷新议程 (pull what the sources offer now) and 添加议题, while the meeting is being planned. */
function AgendaToolbar({
  refreshing,
  onRefresh,
  onAdd,
}: {
  refreshing: boolean;
  onRefresh: () => void;
  onAdd: () => void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Button
        size="small"
        icon={<ReloadOutlined />}
        loading={refreshing}
        onClick={onRefresh}
        data-testid="agenda-refresh"
      >
        {t('meetings.refreshAgenda')}
      </Button>
      <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid="agenda-add">
        {t('meetings.addItem')}
      </Button>
    </Space>
  );
}

interface ItemRowProps {
  item: AgendaItemView;
  recording: boolean;
  planning: boolean;
  onProgress: () => void;
  onRemove: () => Promise<unknown>;
}

/** One agenda item with 记录进展 (a follow-up, once the meeting may be recorded) and remove (while planning). */
function AgendaItemRow({ item, recording, planning, onProgress, onRemove }: ItemRowProps) {
  const { t } = useI18n();
  return (
    <List.Item
      data-testid={`agenda-item-${item.source}`}
      actions={[
        item.source === 'follow_up' && recording && (
          <Button key="p" size="small" type="link" icon={<EditOutlined />} onClick={onProgress}>
            {t('meetings.recordProgress')}
          </Button>
        ),
        planning && (
          <Popconfirm
            key="d"
            title={t('meetings.removeItemConfirm', { title: item.title })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={onRemove}
          >
            <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('meetings.removeItem')} />
          </Popconfirm>
        ),
      ].filter(Boolean)}
    >
      <AgendaItemBody item={item} />
    </List.Item>
  );
}

/** The agenda, each item tagged with where it came from; follow-ups show their task's status and the progress recorded. */
export function MeetingAgenda({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const writes = useMeetingWrites(m.id);
  const [adding, setAdding] = useState(false);
  const [progressOf, setProgressOf] = useState<AgendaItemView | null>(null);
  const [form] = Form.useForm<AgendaValues>();
  const planning = m.can.manage && (m.status === 'proposed' || m.status === 'scheduled');
  const recording = m.can.manage && m.status !== 'cancelled';

  const run = useRun();
  const submit = async () => {
    const v = await form.validateFields();
    const write = progressOf
      ? writes.progress.mutateAsync({ itemId: progressOf.id, progressNote: v.progressNote?.trim() || null })
      : writes.addItem.mutateAsync({ title: v.title.trim(), detail: v.detail?.trim() || null });
    const ok = await run(write, t('common.saved'));
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
          <AgendaToolbar
            refreshing={writes.refreshAgenda.isPending}
            onRefresh={() => void run(writes.refreshAgenda.mutateAsync({}), t('meetings.refreshed'))}
            onAdd={() => {
              form.resetFields();
              setAdding(true);
            }}
          />
        )
      }
    >
      <List<AgendaItemView>
        dataSource={m.agenda}
        locale={{ emptyText: <EmptyState description={t('meetings.agendaEmpty')} /> }}
        renderItem={(item) => (
          <AgendaItemRow
            item={item}
            recording={recording}
            planning={planning}
            onProgress={() => openProgress(item)}
            onRemove={() => run(writes.removeItem.mutateAsync(item.id), t('common.deleted'))}
          />
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
