import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { OrgSelect } from '../../org/OrgSelect';
import { type ServiceDayDetail, type SignupInput, type SignupView, useDayWrites, useServiceKinds } from './api';

interface Values {
  unitId?: string;
  items: { kindCode: string; description: string }[];
  headcount: number;
  note?: string;
}

/** The list of what the unit will do: a kind and a description each, at least one. */
function SignupItems() {
  const { t, language } = useI18n();
  const kinds = useServiceKinds();
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  const kindOptions = (kinds.data?.items ?? [])
    .filter((k) => k.active)
    .map((k) => ({ value: k.code, label: language === 'en' ? k.nameEn : k.name }));
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <>
          <div className="ant-form-item-label" style={{ paddingBottom: 8 }}>
            <label className="ant-form-item-required">{t('servicedays.items')}</label>
          </div>
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item
                name={[field.name, 'kindCode']}
                rules={required(t('servicedays.itemKind'))}
                style={{ width: 180, marginBottom: 8 }}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('servicedays.itemKind')}
                  options={kindOptions}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'description']}
                rules={required(t('servicedays.itemDescription'))}
                style={{ width: 230, marginBottom: 8 }}
              >
                <Input maxLength={500} placeholder={t('servicedays.itemDescription')} />
              </Form.Item>
              {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} />}
            </Space>
          ))}
          <Button
            type="dashed"
            onClick={() => add({ kindCode: '', description: '' })}
            icon={<PlusOutlined />}
            style={{ marginBottom: 12 }}
          >
            {t('servicedays.addItem')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The sign-up form: a unit admin signs up their own unit; the county or community may sign up any unit. */
export function SignupModal({
  day,
  editing,
  open,
  onClose,
}: {
  day: ServiceDayDetail;
  editing: SignupView | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useDayWrites(day.id);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { items: editing.items, headcount: editing.headcount, note: editing.note ?? undefined }
        : { items: [{ kindCode: day.kindCodes[0] ?? '', description: '' }], headcount: 5 },
    );
  }, [open, editing, day, form]);
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  const submit = async () => {
    const v = await form.validateFields();
    const input: SignupInput = { items: v.items, headcount: v.headcount, note: v.note || null };
    try {
      if (editing) await writes.updateSignup.mutateAsync({ ...input, signupId: editing.id, version: editing.version });
      else await writes.signup.mutateAsync({ ...input, unitId: day.can.manage ? v.unitId : undefined });
      feedback.success(t('common.saved'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      destroyOnHidden
      title={t(
        editing ? 'servicedays.signupEdit' : day.can.manage ? 'servicedays.signupFor' : 'servicedays.signupCreate',
      )}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={writes.signup.isPending || writes.updateSignup.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" data-testid="signup-form">
        {day.can.manage && !editing && (
          <Form.Item name="unitId" label={t('servicedays.unit')} rules={required(t('servicedays.unit'))}>
            <OrgSelect kind="unit" />
          </Form.Item>
        )}
        <SignupItems />
        <Form.Item name="headcount" label={t('servicedays.headcount')} rules={required(t('servicedays.headcount'))}>
          <InputNumber min={1} max={1000} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="note" label={t('servicedays.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
