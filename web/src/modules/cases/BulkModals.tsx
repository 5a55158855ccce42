import { Alert, Button, Form, Input, List, Modal, Progress, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import type { CaseSummary } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { GridTreeSelect } from '../grid/GridTreeSelect';
import { reassignCase, transitionCase } from './api';

interface RunState {
  running: boolean;
  done: number;
  ok: number;
  failures: { number: string; message: string }[];
  finished: boolean;
}
const IDLE: RunState = { running: false, done: 0, ok: 0, failures: [], finished: false };

/** Runs one request per case, one after another, keeping count; a failure is noted and the rest go on. */
function useBulkRun() {
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

function RunReport({ state, total, skipped }: { state: RunState; total: number; skipped: number }) {
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

interface Props {
  open: boolean;
  cases: CaseSummary[];
  onClose: () => void;
  onDone: () => void;
}

/** 批量受理: accepts each selected case that is still 已上报, with its own version. */
export function BulkAcceptModal({ open, cases, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { state, run, reset } = useBulkRun();
  const eligible = cases.filter((c) => c.status === 'reported');
  const skipped = cases.length - eligible.length;
  useEffect(() => {
    if (open) reset();
  }, [open, reset]);
  const close = () => {
    if (state.finished) onDone();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('cases.bulkAcceptTitle', { count: eligible.length })}
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
              disabled={!eligible.length}
              data-testid="bulk-accept-start"
              onClick={() => void run(eligible, (c) => transitionCase(c.id, { action: 'accept', version: c.version }))}
            >
              {t('cases.start')}
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {skipped > 0 && <Alert type="warning" showIcon title={t('cases.bulkAcceptHint', { count: skipped })} />}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {eligible.map((c) => c.number).join('、') || '—'}
        </Typography.Paragraph>
        <RunReport state={state} total={eligible.length} skipped={skipped} />
      </Space>
    </Modal>
  );
}

/** 批量转派: moves each selected case to one grid (and its owner) with one reason. */
export function BulkAssignModal({ open, cases, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ gridId: string; reason: string }>();
  const { state, run, reset } = useBulkRun();
  useEffect(() => {
    if (open) {
      reset();
      form.resetFields();
    }
  }, [open, reset, form]);
  const close = () => {
    if (state.finished) onDone();
    onClose();
  };
  const start = async () => {
    const v = await form.validateFields();
    await run(cases, (c) => reassignCase(c.id, { gridId: v.gridId, reason: v.reason.trim(), version: c.version }));
  };
  return (
    <Modal
      open={open}
      title={t('cases.bulkAssignTitle', { count: cases.length })}
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
              data-testid="bulk-assign-start"
              onClick={() => void start().catch(() => undefined)}
            >
              {t('cases.start')}
            </Button>
          </Space>
        )
      }
    >
      <Form form={form} layout="vertical" disabled={state.running || state.finished}>
        <Form.Item
          name="gridId"
          label={t('cases.targetGrid')}
          rules={[{ required: true, message: t('errors.required', { field: t('cases.targetGrid') }) }]}
        >
          <GridTreeSelect testId="bulk-assign-grid" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cases.reason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('errors.required', { field: t('cases.reason') }) },
          ]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('cases.reasonPlaceholder')}
            data-testid="bulk-assign-reason"
          />
        </Form.Item>
      </Form>
      <RunReport state={state} total={cases.length} skipped={0} />
    </Modal>
  );
}
