import { Alert, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import type { CaseSummary } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { GridTreeSelect } from '../grid/GridTreeSelect';
import { reassignCase, transitionCase } from './api';
import { BulkRunModal, RunReport, useBulkRun } from './BulkRunModal';

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
  return (
    <BulkRunModal
      open={open}
      title={t('cases.bulkAcceptTitle', { count: eligible.length })}
      state={state}
      onClose={onClose}
      onDone={onDone}
      startTestId="bulk-accept-start"
      startDisabled={!eligible.length}
      onStart={() => void run(eligible, (c) => transitionCase(c.id, { action: 'accept', version: c.version }))}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {skipped > 0 && <Alert type="warning" showIcon title={t('cases.bulkAcceptHint', { count: skipped })} />}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {eligible.map((c) => c.number).join('、') || '—'}
        </Typography.Paragraph>
        <RunReport state={state} total={eligible.length} skipped={skipped} />
      </Space>
    </BulkRunModal>
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
  const start = async () => {
    const v = await form.validateFields();
    await run(cases, (c) => reassignCase(c.id, { gridId: v.gridId, reason: v.reason.trim(), version: c.version }));
  };
  return (
    <BulkRunModal
      open={open}
      title={t('cases.bulkAssignTitle', { count: cases.length })}
      state={state}
      onClose={onClose}
      onDone={onDone}
      startTestId="bulk-assign-start"
      onStart={() => void start().catch(() => undefined)}
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
    </BulkRunModal>
  );
}
