import { nowMs } from '../../../ui/clock';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Image,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { uploadFile } from '../../../api/upload';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type ServiceDayDetail, useDayWrites } from './api';

function Photos({ day }: { day: ServiceDayDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { removePhoto, invalidate } = useDayWrites(day.id);
  const [percent, setPercent] = useState<number | null>(null);
  const upload = async (file: File) => {
    setPercent(0);
    try {
      await uploadFile(`/service-days/${day.id}/photos`, file, undefined, (p) => setPercent(p.percent)).promise;
      await invalidate();
    } catch (err) {
      feedback.error(err);
    } finally {
      setPercent(null);
    }
  };
  return (
    <div data-testid="sd-photos">
      <Typography.Text strong>{t('servicedays.photos')}</Typography.Text>
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Image.PreviewGroup>
          {day.photos.map((p) => (
            <div key={p.id} style={{ position: 'relative' }}>
              <Image
                src={p.thumbUrl}
                preview={{ src: p.url }}
                width={104}
                height={104}
                style={{ objectFit: 'cover', borderRadius: 6 }}
              />
              {day.can.manage && (
                <Popconfirm
                  title={t('servicedays.photoRemoveConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => removePhoto.mutateAsync(p.id).catch(feedback.error)}
                >
                  <Button
                    size="small"
                    danger
                    shape="circle"
                    icon={<DeleteOutlined />}
                    style={{ position: 'absolute', top: 4, right: 4 }}
                  />
                </Popconfirm>
              )}
            </div>
          ))}
        </Image.PreviewGroup>
        {day.can.manage && day.status !== 'cancelled' && (
          <Upload
            accept="image/jpeg,image/png,image/webp"
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} style={{ width: 104, height: 104 }} disabled={percent !== null}>
              {percent !== null ? <Progress type="circle" percent={percent} size={40} /> : t('servicedays.photoUpload')}
            </Button>
          </Upload>
        )}
      </Flex>
    </div>
  );
}

/** People served, the summary and photos; saving marks the day held (only after it has started). */
export function OutcomeCard({ day }: { day: ServiceDayDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { outcome } = useDayWrites(day.id);
  const [form] = Form.useForm<{ peopleServed: number; summary?: string }>();
  useEffect(() => {
    form.setFieldsValue({ peopleServed: day.peopleServed ?? undefined, summary: day.summary ?? undefined });
  }, [day, form]);
  const started = Date.parse(day.startsAt) <= nowMs();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await outcome.mutateAsync({ peopleServed: v.peopleServed, summary: v.summary || null, version: day.version });
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const editable = day.can.manage && day.status !== 'cancelled' && started;
  return (
    <Card size="small" title={t('servicedays.outcomeTitle')} data-testid="sd-outcome">
      {day.can.manage && day.status === 'scheduled' && (
        <Alert type="info" showIcon title={t('servicedays.outcomeHint')} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" disabled={!editable}>
        <Form.Item
          name="peopleServed"
          label={t('servicedays.peopleServed')}
          rules={[{ required: true, message: t('errors.required', { field: t('servicedays.peopleServed') }) }]}
        >
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="summary" label={t('servicedays.summaryText')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {editable && (
          <Button
            type="primary"
            onClick={() => void save().catch(() => undefined)}
            loading={outcome.isPending}
            data-testid="sd-outcome-save"
          >
            {t('servicedays.outcomeSave')}
          </Button>
        )}
      </Form>
      <div style={{ marginTop: 16 }}>
        <Photos day={day} />
      </div>
    </Card>
  );
}
