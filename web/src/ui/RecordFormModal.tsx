import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useFeedback } from './feedback';
import { markServerFieldErrors } from './serverErrors';

interface Props<V, R> {
  form: FormInstance<V>;
  open: boolean;
  /** Editing an existing record (the toast says 已保存) or creating one (已创建). */
  editing: boolean;
  title: string;
  width: number;
  testId: string;
  saving: boolean;
  onClose: () => void;
  /** Turns the validated values into the create or update call; the caller knows which. */
  save: (values: V) => Promise<R>;
  onSaved: (record: R) => void;
  children: ReactNode;
}

/**
 * The register pages' create/edit dialog: validates, saves, toasts, and on a VALIDATION_FAILED answer marks the
 * fields the server named. The form's fields and how values become a request stay with the caller.
 */
export function RecordFormModal<V, R>({ form, open, editing, title, width, testId, saving, ...rest }: Props<V, R>) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const saved = await rest.save(values);
      feedback.success(editing ? t('common.saved') : t('common.created'));
      rest.onSaved(saved);
    } catch (err) {
      markServerFieldErrors(form, err, t('errors.fieldInvalid'));
      feedback.error(err);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={rest.onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      width={width}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid={testId}>
        {rest.children}
      </Form>
    </Modal>
  );
}
