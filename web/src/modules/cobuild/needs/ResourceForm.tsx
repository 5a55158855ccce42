import { countyWallClock } from '../../../ui/clock';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { OrgSelect } from '../../org/OrgSelect';
import { KIND_UNITS, KINDS, type ResourceKind, type ResourceView, useNeedWrites } from './api';

interface Values {
  unitId?: string;
  kind: ResourceKind;
  title: string;
  description?: string;
  capacity: number;
  unit: ResourceView['unit'];
  period: [Dayjs, Dayjs];
  lng?: number | null;
  lat?: number | null;
}

/** Offer or edit a resource: kind, how much (in a unit that fits the kind), when, and where (the unit's place by default). */
export function ResourceForm({
  open,
  resource,
  ownUnit,
  onClose,
}: {
  open: boolean;
  resource: ResourceView | null;
  ownUnit?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { createResource, updateResource } = useNeedWrites();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'people_hours';
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const year = dayjs(countyWallClock()).year();
    form.setFieldsValue(
      resource
        ? {
            ...resource,
            description: resource.description ?? undefined,
            period: [dayjs(resource.availableFrom), dayjs(resource.availableTo)],
          }
        : {
            unitId: ownUnit,
            kind: 'people_hours',
            unit: 'person_hours',
            period: [dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)],
          },
    );
  }, [open, resource, ownUnit, form]);
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      kind: v.kind,
      title: v.title,
      description: v.description || null,
      capacity: v.capacity,
      unit: v.unit,
      availableFrom: v.period[0].format('YYYY-MM-DD'),
      availableTo: v.period[1].format('YYYY-MM-DD'),
      ...(v.lng != null && v.lat != null ? { lng: v.lng, lat: v.lat } : {}),
    };
    try {
      if (resource) await updateResource.mutateAsync({ id: resource.id, version: resource.version, ...body });
      else await createResource.mutateAsync({ ...body, unitId: v.unitId });
      feedback.success(t('common.saved'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={open}
      title={resource ? t('needs.editResource') : t('needs.newResource')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={createResource.isPending || updateResource.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="resource-form">
        <Form.Item name="unitId" label={t('needs.unit')} rules={required(t('needs.unit'))}>
          <OrgSelect kind="unit" disabled={!!resource || !!ownUnit} />
        </Form.Item>
        <Form.Item name="kind" label={t('needs.kind')} rules={required(t('needs.kind'))}>
          <Select
            options={KINDS.map((k) => ({ value: k, label: t(`needs.kinds.${k}`) }))}
            onChange={(k: ResourceKind) => form.setFieldValue('unit', KIND_UNITS[k][0])}
          />
        </Form.Item>
        <Form.Item name="title" label={t('needs.resourceTitle')} rules={required(t('needs.resourceTitle'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('needs.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item
            name="capacity"
            label={t('needs.capacity')}
            rules={required(t('needs.capacity'))}
            style={{ flex: 1 }}
          >
            <InputNumber min={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="unit" label={t('needs.measure')} rules={required(t('needs.measure'))} style={{ flex: 1 }}>
            <Select options={KIND_UNITS[kind].map((u) => ({ value: u, label: t(`needs.units.${u}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="period" label={t('needs.period')} rules={required(t('needs.period'))}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="lng" label={t('needs.lng')} extra={t('needs.locationHint')} style={{ flex: 1 }}>
            <InputNumber step={0.001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="lat" label={t('needs.lat')} style={{ flex: 1 }}>
            <InputNumber step={0.001} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
