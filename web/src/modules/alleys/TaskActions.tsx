import { Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { AlleyTaskView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { useAlleyWrites } from './api';

/** 完成整改 (with a note) and 取消任务 (with a reason) on a task, each offered only when the server says so. */
export function TaskActions({ task }: { task: AlleyTaskView }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { closeTask, cancelTask } = useAlleyWrites();
  const [mode, setMode] = useState<'done' | 'cancel' | null>(null);
  const [text, setText] = useState('');
  if (!task.mayClose && !task.mayCancel) return null;
  const open = (m: 'done' | 'cancel') => {
    setText('');
    setMode(m);
  };
  const submit = async () => {
    try {
      if (mode === 'done') {
        await closeTask.mutateAsync({ id: task.id, note: text.trim() });
        feedback.success(t('alleys.taskDone'));
      } else {
        await cancelTask.mutateAsync({ id: task.id, reason: text.trim() });
        feedback.success(t('alleys.taskCancelled'));
      }
      setMode(null);
    } catch (err) {
      feedback.error(err);
    }
  };
  const item = t(`sixHave.${task.item}`);
  return (
    <>
      <Space size={4} wrap>
        {task.mayClose ? (
          <Button size="small" type="primary" onClick={() => open('done')} data-testid={`alley-task-done-${task.id}`}>
            {t('alleys.markDone')}
          </Button>
        ) : null}
        {task.mayCancel ? (
          <Button size="small" onClick={() => open('cancel')} data-testid={`alley-task-cancel-${task.id}`}>
            {t('alleys.cancelTask')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={mode !== null}
        title={mode === 'done' ? t('alleys.doneTitle', { item }) : t('alleys.cancelTitle', { item })}
        okText={t('alleys.submitDone')}
        cancelText={t('alleys.cancel')}
        okButtonProps={{ disabled: !text.trim() }}
        confirmLoading={closeTask.isPending || cancelTask.isPending}
        onOk={() => void submit()}
        onCancel={() => setMode(null)}
        destroyOnHidden
      >
        <Input.TextArea
          value={text}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={mode === 'done' ? t('alleys.doneNotePlaceholder') : t('alleys.cancelReason')}
          onChange={(e) => setText(e.target.value)}
          data-testid="alley-task-text"
        />
      </Modal>
    </>
  );
}
