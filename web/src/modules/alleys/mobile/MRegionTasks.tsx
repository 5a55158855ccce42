import { useState } from 'react';
import type { AlleyTaskView } from '../../../api/contracts';
import { useI18n } from '../../../i18n';
import { useToast } from '../../../mobile/Toast';
import { formatDate } from '../../../ui/format';
import { useAlleyWrites, useTasks } from '../api';

/** One open task: the item, its due date (overdue in red), and 完成整改 with a note where the server allows it. */
function TaskRow({ task }: { task: AlleyTaskView }) {
  const { t } = useI18n();
  const toast = useToast();
  const { closeTask } = useAlleyWrites();
  const [note, setNote] = useState<string | null>(null);
  const submit = async () => {
    if (!note?.trim()) return;
    try {
      await closeTask.mutateAsync({ id: task.id, note: note.trim() });
      toast.show(t('alleys.taskDone'), 'success');
      setNote(null);
    } catch (err) {
      toast.error(err);
    }
  };
  return (
    <div style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`m-alley-task-${task.item}`}>
      <div className="m-row" style={{ justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <span style={{ flex: 1, minWidth: 0 }}>{t(`sixHave.${task.item}`)}</span>
        <span className={task.overdue ? 'm-chip m-chip-warn' : 'm-muted'} style={{ flex: 'none' }}>
          {task.overdue ? t('alleys.overdue') : t('alleys.dueLine', { date: formatDate(task.dueOn) })}
        </span>
        {task.mayClose && note === null ? (
          <button
            type="button"
            className="m-btn m-btn-small"
            style={{ flex: 'none' }}
            onClick={() => setNote('')}
            data-testid="m-alley-task-done"
          >
            {t('alleys.markDone')}
          </button>
        ) : null}
      </div>
      {note !== null ? (
        <div style={{ marginTop: 6 }}>
          <textarea
            className="m-textarea"
            rows={2}
            maxLength={500}
            value={note}
            placeholder={t('alleys.doneNotePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
            data-testid="m-alley-task-note"
          />
          <div className="m-row" style={{ marginTop: 6 }}>
            <button type="button" className="m-btn m-btn-small" onClick={() => setNote(null)}>
              {t('alleys.cancel')}
            </button>
            <button
              type="button"
              className="m-btn m-btn-small m-btn-primary"
              disabled={!note.trim() || closeTask.isPending}
              onClick={() => void submit()}
              data-testid="m-alley-task-submit"
            >
              {t('alleys.submitDone')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** 整改任务 of a region on the phone: its open tasks, each closed by the head with a note. */
export function MRegionTasks({ regionId, open }: { regionId: string; open: number }) {
  const { t } = useI18n();
  const tasks = useTasks({ regionId, state: 'open', pageSize: 20 }, open > 0);
  if (open === 0) return null;
  return (
    <div style={{ margin: '0 0 8px' }} data-testid="m-alley-tasks">
      <strong>{t('alleys.openTasks')}</strong>
      {(tasks.data?.items ?? []).map((task) => (
        <TaskRow key={task.id} task={task} />
      ))}
    </div>
  );
}
