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
  const categories = useCategoryTree(true);
  const categoryLabel = useCategoryLabel();
  const [form] = Form.useForm<CaseActionValues>();
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const { action, setAction, busy, error, setError, send } = useCaseTransition(c);

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
  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields();
    await send(action, transitionExtra(action, v, c, photoIds));
  };
  const reload = () => {
    setAction(null);
    onReload();
  };
  const errorBox: ReactNode = error ? <TransitionError error={error} onReload={reload} /> : null;

  if (!c.actions.length) {
    return (
      <Typography.Text type="secondary" data-testid="case-actions">
        {t('cases.noActions')}
      </Typography.Text>
    );
  }

  return (
    <>
      <ActionButtons actions={c.actions} onOpen={open} />
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

interface TransitionFailure {
  message: string;
  /** A 409: the case changed meanwhile (or the action no longer applies), so the page offers a reload. */
  stale: boolean;
}

/** The open dialog's action and sending it: on success the caches settle, a message shows and the dialog closes. */
function useCaseTransition(c: CaseDetail) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { settle } = useCaseWrites();
  const [action, setAction] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TransitionFailure | null>(null);

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

  return { action, setAction, busy, error, setError, send };
}

function TransitionError({ error, onReload }: { error: TransitionFailure; onReload: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      data-testid="case-action-error"
      action={
        error.stale ? (
          <Button size="small" onClick={onReload}>
            {t('cases.staleReload')}
          </Button>
        ) : undefined
      }
    />
  );
}

function ActionButtons({ actions, onOpen }: { actions: readonly CaseAction[]; onOpen: (a: CaseAction) => void }) {
  return (
    <Space wrap data-testid="case-actions">
      {actions.map((a) => (
        <Button
          key={a}
          type={PRIMARY.includes(a) ? 'primary' : 'default'}
          danger={DANGER.includes(a)}
          onClick={() => onOpen(a)}
          data-testid={`case-action-${a}`}
        >
          {labelOf('caseAction', a)}
        </Button>
      ))}
    </Space>
  );
}
