import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { OrgSelect } from '../../org/OrgSelect';
import { DOMAINS } from '../projects/api';
import { NEED_STATUSES, type NeedView, UNITS, useNeedWrites } from './api';

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
  const feedback = useFeedback();
  const { createNeed, updateNeed } = useNeedWrites();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const initial: Partial<Values> = need
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
    form.setFieldsValue(initial);
  }, [open, need, ownCommunity, form]);
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (need) {
        await updateNeed.mutateAsync({
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
        });
      } else {
        await createNeed.mutateAsync({
          ...v,
          description: v.description || null,
          domain: v.domain as NeedView['domain'],
          unit: v.unit as NeedView['unit'],
          source: v.source ?? 'community',
        });
      }
      feedback.success(t('common.saved'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={open}
      title={need ? t('needs.editNeed') : t('needs.newNeed')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={createNeed.isPending || updateNeed.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="need-form">
        <Form.Item name="communityId" label={t('needs.community')} rules={required(t('needs.community'))}>
          <OrgSelect kind="community" disabled={!!need || !!ownCommunity} />
        </Form.Item>
        <Form.Item name="title" label={t('needs.titleField')} rules={required(t('needs.titleField'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('needs.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
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
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item
            name="quantity"
            label={t('needs.quantity')}
            rules={required(t('needs.quantity'))}
            style={{ flex: 1 }}
          >
            <InputNumber min={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="unit" label={t('needs.measure')} rules={required(t('needs.measure'))} style={{ flex: 1 }}>
            <Select options={UNITS.map((u) => ({ value: u, label: t(`needs.units.${u}`) }))} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item
            name="lng"
            label={t('needs.lng')}
            rules={required(t('needs.lng'))}
            extra={t('needs.pickOnMap')}
            style={{ flex: 1 }}
          >
            <InputNumber step={0.001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="lat" label={t('needs.lat')} rules={required(t('needs.lat'))} style={{ flex: 1 }}>
            <InputNumber step={0.001} style={{ width: '100%' }} />
          </Form.Item>
        </div>
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
      </Form>
    </Modal>
  );
}
