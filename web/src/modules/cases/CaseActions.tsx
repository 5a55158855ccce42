import { Alert, Button, Form, Modal, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import type { CaseAction, CaseDetail } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { transitionCase, useCaseWrites, useCategoryTree } from './api';
import { CaseActionFields } from './CaseActionFields';
import { type CaseActionValues, type TransitionExtra, transitionExtra } from './caseActionForm';
import { useCategoryLabel } from './labels';
import { WhistleDialog, type WhistleValues } from './WhistleDialog';

const PRIMARY: readonly CaseAction[] = ['accept', 'dispatch', 'acknowledge', 'start', 'resolve', 'verify', 'close'];
const DANGER: readonly CaseAction[] = ['reject', 'fail_verification', 'return'];

/** The buttons this user may press now (the detail's `actions`), each with its dialog; 409s explain and offer a reload. */
export function CaseActions({ c, onReload }: { c: CaseDetail; onReload: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { settle } = useCaseWrites();
  const categories = useCategoryTree(true);
  const categoryLabel = useCategoryLabel();
  const [form] = Form.useForm<CaseActionValues>();
  const [action, setAction] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const [photoIds, setPhotoIds] = useState<string[]>([]);

  const open = (a: CaseAction) => {
    setError(null);
    setPhotoIds([]);
    form.resetFields();
    if (a === 'accept') form.setFieldsValue({ categoryCode: c.categoryCode });
    setAction(a);
  };
  const close = () => {
    if (!busy) setAction(null);
  };

  const send = async (a: CaseAction, extra: TransitionExtra) => {
    setBusy(true);
    setError(null);
    try {
      const detail = await transitionCase(c.id, { action: a, version: c.version, ...extra });
      await settle(detail);
      feedback.success(t('cases.actionDone', { action: labelOf('caseAction', a) }));
      setAction(null);
    } catch (err) {
      const conflict = err instanceof ApiError && err.status === 409;
      setError({
        message: conflict && err.code === 'STALE_UPDATE' ? t('cases.stale') : errorMessage(err),
        stale: conflict,
      });
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields();
    await send(action, transitionExtra(action, v, c, photoIds));
  };

  const errorBox: ReactNode = error ? (
    <Alert
      type="error"
      showIcon
      title={error.message}
      data-testid="case-action-error"
      action={
        error.stale ? (
          <Button
            size="small"
            onClick={() => {
              setAction(null);
              onReload();
            }}
          >
            {t('cases.staleReload')}
          </Button>
        ) : undefined
      }
    />
  ) : null;

  if (!c.actions.length) {
    return (
      <Typography.Text type="secondary" data-testid="case-actions">
        {t('cases.noActions')}
      </Typography.Text>
    );
  }

  return (
    <>
      <Space wrap data-testid="case-actions">
        {c.actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            danger={DANGER.includes(a)}
            onClick={() => open(a)}
            data-testid={`case-action-${a}`}
          >
            {labelOf('caseAction', a)}
          </Button>
        ))}
      </Space>
      <WhistleDialog
        open={action === 'dispatch'}
        c={c}
        busy={busy}
        error={errorBox}
        onCancel={close}
        onSubmit={(v: WhistleValues) =>
          void send('dispatch', { unitIds: v.unitIds, instructions: v.instructions, reason: v.reason })
        }
      />
      <Modal
        open={!!action && action !== 'dispatch'}
        title={action ? t('cases.actionTitle', { action: labelOf('caseAction', action), number: c.number }) : ''}
        onCancel={close}
        onOk={() => void submit().catch(() => undefined)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        destroyOnHidden
        okButtonProps={
          { 'data-testid': 'case-action-submit', danger: action ? DANGER.includes(action) : false } as {
            danger: boolean;
          }
        }
      >
        <Form form={form} layout="vertical" data-testid={`case-action-form-${action ?? ''}`}>
          <CaseActionFields
            action={action}
            c={c}
            onPhotos={setPhotoIds}
            categoryTree={categories.tree}
            categoryLabel={categoryLabel}
          />
        </Form>
        {errorBox}
      </Modal>
    </>
  );
}
