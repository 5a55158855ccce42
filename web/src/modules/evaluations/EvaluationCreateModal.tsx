import { DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { countyWallClock } from '../../ui/clock';
import { useFeedback } from '../../ui/feedback';
import { OrgSelect } from '../org/OrgSelect';
import { useEvaluationWrites } from './api';

/** The next 20th (today if it is the 20th). */
export function next20th(from = dayjs(countyWallClock())): Dayjs {
  const d = from.date(20);
  return from.date() <= 20 ? d : d.add(1, 'month');
}

/** A new session for a community on a 20th; a community admin's own community is fixed. Opens the session saved. */
export function EvaluationCreateModal({
  open,
  ownCommunity,
  onClose,
}: {
  open: boolean;
  ownCommunity: string | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const { create } = useEvaluationWrites();
  const [form] = Form.useForm<{ communityId: string; heldOn: Dayjs }>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ communityId: ownCommunity, heldOn: next20th() });
  }, [open, ownCommunity, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const s = await create.mutateAsync({ communityId: v.communityId, heldOn: v.heldOn.format('YYYY-MM-DD') });
      onClose();
      feedback.success(t('common.created'));
      navigate(`/evaluations/${s.id}`);
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('evaluations.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="evaluation-form">
        <Form.Item
          name="communityId"
          label={t('evaluations.community')}
          rules={[{ required: true, message: t('errors.required', { field: t('evaluations.community') }) }]}
        >
          <OrgSelect kind="community" disabled={!!ownCommunity} />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t('evaluations.heldOn')}
          extra={t('evaluations.heldOnHint')}
          rules={[{ required: true, message: t('errors.required', { field: t('evaluations.heldOn') }) }]}
        >
          <DatePicker disabledDate={(d) => d.date() !== 20} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
