import { Col, Form, Input, Modal, Radio, Row, Segmented } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { STAFF_CHANNELS, type CaseSummary, type CreateCase } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { randomKey } from '../../ui/images';
import { markServerFieldErrors } from '../../ui/serverErrors';
import { PHONE_PATTERN } from '../../ui/validators';
import { PersonSelect } from '../people/PersonSelect';
import { useCaseWrites } from './api';
import { CategoryPicker } from './CategoryPicker';
import { LocationPicker, type PickedPoint } from './LocationPicker';
import { PhotoUploader } from './PhotoUploader';

interface Values {
  channel: CreateCase['channel'];
  description: string;
  categoryCode?: string;
  address?: string;
  reporterPersonId?: string;
  reporterName?: string;
  reporterPhone?: string;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

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
  const [form] = Form.useForm<Values>();
  const { create } = useCaseWrites();
  const description = Form.useWatch('description', form) ?? '';
  const [point, setPoint] = useState<PickedPoint | null>(null);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [reporterMode, setReporterMode] = useState<'person' | 'typed'>('person');
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
    const input: CreateCase = {
      channel: v.channel,
      description: v.description.trim(),
      categoryCode: v.categoryCode,
      address: blank(v.address),
      ...(point ? { lng: Number(point.lng.toFixed(6)), lat: Number(point.lat.toFixed(6)) } : {}),
      ...(reporterMode === 'person' && v.reporterPersonId ? { reporterPersonId: v.reporterPersonId } : {}),
      ...(reporterMode === 'typed'
        ? { reporterName: blank(v.reporterName), reporterPhone: blank(v.reporterPhone) }
        : {}),
      ...(photoIds.length ? { photoIds } : {}),
    };
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
        <Form.Item label={t('cases.reporter')} extra={t('cases.reporterHint')}>
          <Segmented
            value={reporterMode}
            onChange={(v) => setReporterMode(v as 'person' | 'typed')}
            style={{ marginBottom: 8 }}
            options={[
              { value: 'person', label: t('cases.reporterSearch') },
              { value: 'typed', label: t('cases.reporterName') },
            ]}
          />
          {reporterMode === 'person' ? (
            <Form.Item name="reporterPersonId" noStyle>
              <PersonSelect placeholder={t('cases.reporterSearch')} testId="case-reporter" />
            </Form.Item>
          ) : (
            <Row gutter={8}>
              <Col xs={24} md={12}>
                <Form.Item name="reporterName" noStyle rules={[{ max: 50 }]}>
                  <Input placeholder={t('cases.reporterName')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="reporterPhone"
                  noStyle
                  rules={[{ pattern: PHONE_PATTERN, message: t('errors.phone') }]}
                >
                  <Input placeholder={t('cases.reporterPhoneInput')} inputMode="tel" maxLength={11} />
                </Form.Item>
              </Col>
            </Row>
          )}
        </Form.Item>
        <Form.Item label={t('cases.photos')}>
          <PhotoUploader onChange={setPhotoIds} testId="case-photos" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
