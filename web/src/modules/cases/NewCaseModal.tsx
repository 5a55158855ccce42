import { Form, Input, Modal, Radio } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { STAFF_CHANNELS, type CaseSummary } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { randomKey } from '../../ui/images';
import { markServerFieldErrors } from '../../ui/serverErrors';
import { useCaseWrites } from './api';
import { CategoryPicker } from './CategoryPicker';
import { LocationPicker, type PickedPoint } from './LocationPicker';
import { type NewCaseValues, type ReporterMode, toCreateCase } from './newCaseForm';
import { PhotoUploader } from './PhotoUploader';
import { ReporterField } from './ReporterField';

/** Staff record a case on a resident's behalf (说事厅, 入户走访, 说事点) or the community's own whistle. */
export function NewCaseModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: CaseSummary) => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [form] = Form.useForm<NewCaseValues>();
  const { create } = useCaseWrites();
  const description = Form.useWatch('description', form) ?? '';
  const [point, setPoint] = useState<PickedPoint | null>(null);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [reporterMode, setReporterMode] = useState<ReporterMode>('person');
  // One key per form: a double click or a retry after a timeout cannot record the case twice.
  const key = useRef(randomKey());

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setPoint(null);
    setPhotoIds([]);
    key.current = randomKey();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const input = toCreateCase(v, point, reporterMode, photoIds);
    try {
      const c = await create.mutateAsync({ input, key: key.current });
      feedback.success(t('cases.created', { number: c.number }));
      onCreated(c);
    } catch (err) {
      markServerFieldErrors(form, err, t('errors.fieldInvalid'));
      feedback.error(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('cases.newCase')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      width={820}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'case-create-submit' } as Record<`data-${string}`, string>}
    >
      <Form form={form} layout="vertical" initialValues={{ channel: 'hall' }} data-testid="case-form">
        <Form.Item name="channel" label={t('cases.channel')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={STAFF_CHANNELS.map((c) => ({ value: c, label: labelOf('caseChannel', c) }))}
            data-testid="case-channel"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('cases.description')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              message: t('errors.required', { field: t('cases.description') }),
            },
            { max: 2000, message: t('errors.maxLength', { field: t('cases.description'), max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={2000} data-testid="case-description" />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('cases.confirmedCategory')}>
          <CategoryPicker description={description} testId="case-category" />
        </Form.Item>
        <Form.Item label={t('cases.location')}>
          <LocationPicker value={point} onChange={setPoint} />
        </Form.Item>
        <Form.Item name="address" label={t('cases.address')} rules={[{ max: 200 }]}>
          <Input placeholder={t('cases.addressPlaceholder')} data-testid="case-address" />
        </Form.Item>
        <ReporterField mode={reporterMode} onMode={setReporterMode} />
        <Form.Item label={t('cases.photos')}>
          <PhotoUploader onChange={setPhotoIds} testId="case-photos" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
