import { Button, List, Modal, Progress, Space, Typography } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { errorMessage } from '../../api/client';
import type { CaseSummary } from '../../api/contracts';
import { useI18n } from '../../i18n';

export interface RunState {
  running: boolean;
  done: number;
  ok: number;
  failures: { number: string; message: string }[];
  finished: boolean;
}
const IDLE: RunState = { running: false, done: 0, ok: 0, failures: [], finished: false };

/** Runs one request per case, one after another, keeping count; a failure is noted and the rest go on. */
export function useBulkRun() {
  const [state, setState] = useState<RunState>(IDLE);
  const run = async (cases: CaseSummary[], one: (c: CaseSummary) => Promise<unknown>) => {
    setState({ ...IDLE, running: true });
    let ok = 0;
    const failures: RunState['failures'] = [];
    for (const [i, c] of cases.entries()) {
      try {
        await one(c);
        ok += 1;
      } catch (err) {
        failures.push({ number: c.number, message: errorMessage(err) });
      }
      setState({ running: true, done: i + 1, ok, failures: [...failures], finished: false });
    }
    setState({ running: false, done: cases.length, ok, failures, finished: true });
  };
  const reset = useCallback(() => setState(IDLE), []);
  return { state, run, reset };
}

export function RunReport({ state, total, skipped }: { state: RunState; total: number; skipped: number }) {
  const { t } = useI18n();
  if (!state.running && !state.finished) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="bulk-report">
      <Progress
        percent={total ? Math.round((state.done / total) * 100) : 100}
        status={state.running ? 'active' : state.failures.length ? 'exception' : 'success'}
      />
      <Typography.Text>
        {state.running
          ? t('cases.bulkProgress', { done: state.done, total })
          : t('cases.bulkDone', { ok: state.ok, failed: state.failures.length, skipped })}
      </Typography.Text>
      {state.failures.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={state.failures}
          renderItem={(f) => (
            <List.Item>
              <Typography.Text type="danger">{t('cases.bulkFailedRow', f)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

interface ShellProps {
  open: boolean;
  title: string;
  state: RunState;
  onClose: () => void;
  /** Called on closing once a run has finished, so the list reloads. */
  onDone: () => void;
  onStart: () => void;
  startTestId: string;
  startDisabled?: boolean;
  children: ReactNode;
}

/** The modal around a bulk run: cancel and start while it has not run, one close button once it has finished. */
export function BulkRunModal({
  open,
  title,
  state,
  onClose,
  onDone,
  onStart,
  startTestId,
  startDisabled,
  children,
}: ShellProps) {
  const { t } = useI18n();
  const close = () => {
    if (state.finished) onDone();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: !state.running }}
      footer={
        state.finished ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close} disabled={state.running}>
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              loading={state.running}
              disabled={startDisabled}
              data-testid={startTestId}
              onClick={onStart}
            >
              {t('cases.start')}
            </Button>
          </Space>
        )
      }
    >
      {children}
    </Modal>
  );
}
