import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { OrgSelect } from '../../org/OrgSelect';
import { DOMAINS } from '../projects/api';
import { NEED_STATUSES, type NeedView, UNITS, useNeedWrites } from './api';
import { RecordFormModal } from '../../../ui/RecordFormModal';
import { AmountFields, DescriptionField, LocationFields, useRequired } from './RecordFields';

interface Values {
  communityId: string;
  title: string;
  description?: string;
  domain: string;
  priority: number;
  quantity: number;
  unit: string;
  lng: number;
  lat: number;
  source?: 'survey' | 'community';
  status?: string;
}

/** The need's own values when editing; a new one starts in `ownCommunity`, priority 3, person-hours. */
function initialValues(need: NeedView | null, ownCommunity: string | undefined): Partial<Values> {
  return need
    ? {
        communityId: need.communityId,
        title: need.title,
        description: need.description ?? undefined,
        domain: need.domain,
        priority: need.priority,
        quantity: need.quantity,
        unit: need.unit,
        lng: need.lng,
        lat: need.lat,
        status: need.status,
      }
    : {
        communityId: ownCommunity,
        priority: 3,
        unit: 'person_hours',
        source: 'community',
        domain: 'living_environment',
      };
}

/** Enter or edit a need: what, where (inside the county), how much, how urgent. */
export function NeedForm({
  open,
  need,
  ownCommunity,
  onClose,
}: {
  open: boolean;
  need: NeedView | null;
  ownCommunity?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { createNeed, updateNeed } = useNeedWrites();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues(need, ownCommunity));
  }, [open, need, ownCommunity, form]);
  const required = useRequired();
  const save = (v: Values) =>
    need
      ? updateNeed.mutateAsync({
          id: need.id,
          version: need.version,
          title: v.title,
          description: v.description || null,
          domain: v.domain as NeedView['domain'],
          priority: v.priority,
          quantity: v.quantity,
          unit: v.unit as NeedView['unit'],
          lng: v.lng,
          lat: v.lat,
          status: v.status as NeedView['status'],
        })
      : createNeed.mutateAsync({
          ...v,
          description: v.description || null,
          domain: v.domain as NeedView['domain'],
          unit: v.unit as NeedView['unit'],
          source: v.source ?? 'community',
        });
  return (
    <RecordFormModal<Values, unknown>
      open={open}
      editing={!!need}
      width={520}
      title={need ? t('needs.editNeed') : t('needs.newNeed')}
      form={form}
      testId="need-form"
      saving={createNeed.isPending || updateNeed.isPending}
      onClose={onClose}
      save={save}
      onSaved={onClose}
    >
      <Form.Item name="communityId" label={t('needs.community')} rules={required(t('needs.community'))}>
        <OrgSelect kind="community" disabled={!!need || !!ownCommunity} />
      </Form.Item>
      <Form.Item name="title" label={t('needs.titleField')} rules={required(t('needs.titleField'))}>
        <Input maxLength={200} />
      </Form.Item>
      <DescriptionField />
      <Form.Item name="domain" label={t('needs.domain')} rules={required(t('needs.domain'))}>
        <Select options={DOMAINS.map((d) => ({ value: d, label: t(`projects.domains.${d}`) }))} />
      </Form.Item>
      <Form.Item name="priority" label={t('needs.priority')} rules={required(t('needs.priority'))}>
        <Select
          options={[5, 4, 3, 2, 1].map((p) => ({
            value: p,
            label: t(`needs.priorities.p${p}` as 'needs.priorities.p1'),
          }))}
        />
      </Form.Item>
      <AmountFields name="quantity" label={t('needs.quantity')} units={UNITS} />
      <LocationFields required extra={t('needs.pickOnMap')} />
      {need ? (
        <Form.Item name="status" label={t('needs.status')}>
          <Select options={NEED_STATUSES.map((s) => ({ value: s, label: t(`needs.statuses.${s}`) }))} />
        </Form.Item>
      ) : (
        <Form.Item name="source" label={t('needs.source')}>
          <Select
            options={(['community', 'survey'] as const).map((s) => ({ value: s, label: t(`needs.sources.${s}`) }))}
          />
        </Form.Item>
      )}
    </RecordFormModal>
  );
}
