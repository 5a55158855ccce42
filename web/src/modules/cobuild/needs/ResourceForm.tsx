import { countyWallClock } from '../../../ui/clock';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { OrgSelect } from '../../org/OrgSelect';
import { KIND_UNITS, KINDS, type ResourceKind, type ResourceView, useNeedWrites } from './api';
import { RecordFormModal } from '../../../ui/RecordFormModal';
import { AmountFields, DescriptionField, LocationFields, useRequired } from './RecordFields';

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
  const required = useRequired();
  const save = (v: Values) => {
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
    return resource
      ? updateResource.mutateAsync({ id: resource.id, version: resource.version, ...body })
      : createResource.mutateAsync({ ...body, unitId: v.unitId });
  };
  return (
    <RecordFormModal<Values, unknown>
      open={open}
      editing={!!resource}
      width={520}
      title={resource ? t('needs.editResource') : t('needs.newResource')}
      form={form}
      testId="resource-form"
      saving={createResource.isPending || updateResource.isPending}
      onClose={onClose}
      save={save}
      onSaved={onClose}
    >
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
      <DescriptionField />
      <AmountFields name="capacity" label={t('needs.capacity')} units={KIND_UNITS[kind]} />
      <Form.Item name="period" label={t('needs.period')} rules={required(t('needs.period'))}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <LocationFields required={false} extra={t('needs.locationHint')} />
    </RecordFormModal>
  );
}
