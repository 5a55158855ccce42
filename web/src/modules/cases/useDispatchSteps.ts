import { useQueryClient } from '@tanstack/react-query';
import { Form } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import type { DispatchInboxRow, DispatchStep } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { caseKeys, dispatchStep } from './api';

export interface StepDialog {
  row: DispatchInboxRow;
  step: 'done' | 'return' | 'decline';
}

/** Sends a dispatch's 报到 / 到场 / 办结 / 退回 / 拒绝; all but 报到 and 到场 first ask for a note or a reason. */
export function useDispatchSteps() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<StepDialog | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ text: string }>();

  const run = async (row: DispatchInboxRow, step: DispatchStep, text?: string) => {
    setBusy(`${row.id}:${step}`);
    setError(null);
    try {
      await dispatchStep(row, step, text);
      feedback.success(t('unitInbox.stepDone', { step: t(`unitInbox.${step}`) }));
      setDialog(null);
      await qc.invalidateQueries({ queryKey: caseKeys.all });
    } catch (err) {
      const msg = err instanceof ApiError && err.code === 'STALE_UPDATE' ? t('cases.stale') : errorMessage(err);
      if (dialog) setError(msg);
      else feedback.error(new Error(msg));
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: caseKeys.all });
    } finally {
      setBusy(null);
    }
  };
  const press = (row: DispatchInboxRow, step: DispatchStep) => {
    if (step === 'done' || step === 'return' || step === 'decline') {
      form.resetFields();
      setError(null);
      setDialog({ row, step });
    } else void run(row, step);
  };
  const submitDialog = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    await run(dialog.row, dialog.step, v.text.trim());
  };

  return { dialog, busy, error, form, press, submitDialog, close: () => setDialog(null) };
}
