import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
// The server's rule itself (a dependency-free file), so the form and the server cannot disagree; the server also
// refuses common passwords and answers PASSWORD_TOO_WEAK with its own message.
import { PASSWORD_MIN_LENGTH, passwordShapeProblem } from '../../../src/modules/auth/password.rules';
import { api, ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useFeedback } from '../ui/feedback';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The form's check of a new password against the server's shape rules, in the user's language. */
function useNewPasswordCheck() {
  const { t } = useI18n();
  const { me } = useSession();
  return (value: string | undefined): Promise<void> => {
    const problem = value ? passwordShapeProblem(value, me.user.username) : null;
    if (!problem || problem === 'common') return Promise.resolve();
    const text =
      problem === 'too_short'
        ? t('auth.passwordMin', { min: PASSWORD_MIN_LENGTH })
        : problem === 'too_simple'
          ? t('auth.passwordTooSimple')
          : t('auth.passwordHasUsername');
    return Promise.reject(new Error(text));
  };
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const checkNewPassword = useNewPasswordCheck();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post('/auth/change-password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      feedback.success(t('auth.passwordChanged'));
      form.resetFields();
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PASSWORD_TOO_WEAK')
        form.setFields([{ name: 'newPassword', errors: [err.message] }]);
      feedback.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('errors.required', { field: t('auth.currentPassword') }) }]}
        >
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[
            { required: true, message: t('errors.required', { field: t('auth.newPassword') }) },
            { validator: (_, value: string | undefined) => checkNewPassword(value) },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('errors.required', { field: t('auth.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
