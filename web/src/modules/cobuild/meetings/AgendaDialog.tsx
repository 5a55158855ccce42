import { Form, type FormInstance, Input, Modal } from 'antd';
import { useI18n } from '../../../i18n';
import type { AgendaItemView } from './api';

export type AgendaValues = { title: string; detail?: string; progressNote?: string };

/** Add an agenda item, or (given `progressOf`) record the progress of a follow-up item. */
export function AgendaDialog({
  open,
  progressOf,
  form,
  onCancel,
  onOk,
}: {
  open: boolean;
  progressOf: AgendaItemView | null;
  form: FormInstance<AgendaValues>;
  onCancel: () => void;
  onOk: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={progressOf ? t('meetings.recordProgress') : t('meetings.addItem')}
      onCancel={onCancel}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {progressOf ? (
          <Form.Item name="progressNote" label={t('meetings.progressNote')} extra={progressOf.title}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="title"
              label={t('meetings.itemTitle')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('errors.required', { field: t('meetings.itemTitle') }),
                },
              ]}
            >
              <Input maxLength={200} data-testid="agenda-title" />
            </Form.Item>
            <Form.Item name="detail" label={t('meetings.itemDetail')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
