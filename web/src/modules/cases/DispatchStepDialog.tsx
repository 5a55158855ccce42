import { Alert, Form, Input, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useI18n } from '../../i18n';
import { numberOf } from './unitInboxColumns';
import type { StepDialog } from './useDispatchSteps';

interface Props {
  dialog: StepDialog | null;
  busy: boolean;
  error: string | null;
  form: FormInstance<{ text: string }>;
  onCancel: () => void;
  onSubmit: () => Promise<void>;
}

const LABEL = {
  done: 'unitInbox.doneNote',
  return: 'unitInbox.returnReason',
  decline: 'whistleRules.declineReason',
} as const;
const TITLE = {
  done: 'unitInbox.doneTitle',
  return: 'unitInbox.returnTitle',
  decline: 'unitInbox.declineTitle',
} as const;

/** 办结 / 退回 / 拒绝 a dispatch: the note or the reason, required. */
export function DispatchStepDialog({ dialog, busy, error, form, onCancel, onSubmit }: Props) {
  const { t } = useI18n();
  const label = t(LABEL[dialog?.step ?? 'done']);
  return (
    <Modal
      open={!!dialog}
      title={dialog ? t(TITLE[dialog.step], { number: numberOf(dialog.row) }) : ''}
      onCancel={onCancel}
      onOk={() => void onSubmit().catch(() => undefined)}
      confirmLoading={busy}
      destroyOnHidden
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'dispatch-dialog-submit' } as object as { danger?: boolean }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label={label}
          rules={[{ required: true, whitespace: true, message: t('errors.required', { field: label }) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="dispatch-dialog-text" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
