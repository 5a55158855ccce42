import { Alert, Button, Form, Input, Modal, Radio, Space, TreeSelect, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { SATISFACTION_LIST, type CaseAction, type CaseDetail, type TransitionRequest } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { formatPercent } from '../../ui/format';
import { transitionCase, useCaseWrites, useCategoryTree } from './api';
import { useCategoryLabel } from './labels';
import { PhotoUploader } from './PhotoUploader';
import { WhistleDialog, type WhistleValues } from './WhistleDialog';

/** Which fields each action's dialog asks for (the server's machine says which are required). */
const NEEDS_REASON: readonly CaseAction[] = ['reject', 'return', 'fail_verification', 'reopen'];
const PRIMARY: readonly CaseAction[] = ['accept', 'dispatch', 'acknowledge', 'start', 'resolve', 'verify', 'close'];
const DANGER: readonly CaseAction[] = ['reject', 'fail_verification', 'return'];

interface Values {
  reason?: string;
  note?: string;
  categoryCode?: string;
  satisfaction?: TransitionRequest['satisfaction'];
  comment?: string;
}

/** The buttons this user may press now (the detail's `actions`), each with its dialog; 409s explain and offer a reload. */
export function CaseActions({ c, onReload }: { c: CaseDetail; onReload: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { settle } = useCaseWrites();
  const categories = useCategoryTree(true);
  const categoryLabel = useCategoryLabel();
  const [form] = Form.useForm<Values>();
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

  const send = async (a: CaseAction, extra: Omit<TransitionRequest, 'action' | 'version'>) => {
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
    const extra: Omit<TransitionRequest, 'action' | 'version'> = {};
    if (v.reason?.trim()) extra.reason = v.reason.trim();
    if (v.note?.trim()) extra.note = v.note.trim();
    if (action === 'accept' && v.categoryCode && v.categoryCode !== c.categoryCode) extra.categoryCode = v.categoryCode;
    if (action === 'rate')
      Object.assign(extra, { satisfaction: v.satisfaction, comment: v.comment?.trim() || undefined, phoneVisit: true });
    if (action === 'resolve' && photoIds.length) extra.photoIds = photoIds;
    await send(action, extra);
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

  const req = (field: string) => ({ required: true, whitespace: true, message: t('errors.required', { field }) });

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
        onSubmit={(v: WhistleValues) => void send('dispatch', { unitIds: v.unitIds, instructions: v.instructions })}
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
          {action === 'accept' && (
            <Form.Item
              name="categoryCode"
              label={t('cases.confirmedCategory')}
              extra={
                c.suggestedCategoryCode
                  ? t('cases.suggestedVsConfirmed', {
                      name: categoryLabel(c.suggestedCategoryCode),
                      confidence: formatPercent(c.suggestedConfidence ?? null, 0),
                    })
                  : undefined
              }
            >
              <TreeSelect<string>
                treeData={categories.tree}
                showSearch
                treeNodeFilterProp="title"
                data-testid="accept-category"
              />
            </Form.Item>
          )}
          {action && NEEDS_REASON.includes(action) && (
            <Form.Item
              name="reason"
              label={t('cases.reason')}
              rules={[req(t('cases.reason'))]}
              extra={action === 'reopen' ? t('cases.reopenHint') : undefined}
            >
              <Input.TextArea
                rows={3}
                maxLength={500}
                showCount
                placeholder={t('cases.reasonPlaceholder')}
                data-testid="case-action-reason"
              />
            </Form.Item>
          )}
          {action === 'rate' && (
            <>
              <Form.Item
                name="satisfaction"
                label={t('cases.phoneVisit')}
                rules={[{ required: true, message: t('errors.required', { field: t('cases.satisfactionLabel') }) }]}
              >
                <Radio.Group
                  optionType="button"
                  options={SATISFACTION_LIST.map((s) => ({ value: s, label: labelOf('satisfaction', s) }))}
                />
              </Form.Item>
              <Form.Item name="comment" label={t('cases.comment')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
          {action && !NEEDS_REASON.includes(action) && action !== 'rate' && (
            <Form.Item name="note" label={t('cases.note')} rules={action === 'resolve' ? [req(t('cases.note'))] : []}>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                placeholder={t('cases.notePlaceholder')}
                data-testid="case-action-note"
              />
            </Form.Item>
          )}
          {action === 'resolve' && (
            <Form.Item label={t('cases.resolutionPhotos')}>
              <PhotoUploader onChange={setPhotoIds} testId="resolve-photos" />
            </Form.Item>
          )}
        </Form>
        {errorBox}
      </Modal>
    </>
  );
}
