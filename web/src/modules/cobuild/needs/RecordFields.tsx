/** Fields the needs' and resources' forms share (their dialog is the shared ui/RecordFormModal). */
import { Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../../../i18n';
import type { MeasureUnit } from './api';

/** The rule of a field that must be filled, with its "X is required" message. */
export function useRequired() {
  const { t } = useI18n();
  return (field: string) => [{ required: true, message: t('errors.required', { field }) }];
}

export function DescriptionField() {
  const { t } = useI18n();
  return (
    <Form.Item name="description" label={t('needs.description')}>
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  );
}

/** How much (a need's quantity, a resource's capacity) beside its unit of measure. */
export function AmountFields({ name, label, units }: { name: string; label: string; units: readonly MeasureUnit[] }) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <Form.Item name={name} label={label} rules={required(label)} style={{ flex: 1 }}>
        <InputNumber min={0.01} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="unit" label={t('needs.measure')} rules={required(t('needs.measure'))} style={{ flex: 1 }}>
        <Select options={units.map((u) => ({ value: u, label: t(`needs.units.${u}`) }))} />
      </Form.Item>
    </div>
  );
}

/** Longitude and latitude side by side: required for a need (placed on the map), optional for a resource. */
export function LocationFields({ required, extra }: { required: boolean; extra: string }) {
  const { t } = useI18n();
  const rules = useRequired();
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <Form.Item
        name="lng"
        label={t('needs.lng')}
        rules={required ? rules(t('needs.lng')) : undefined}
        extra={extra}
        style={{ flex: 1 }}
      >
        <InputNumber step={0.001} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="lat"
        label={t('needs.lat')}
        rules={required ? rules(t('needs.lat')) : undefined}
        style={{ flex: 1 }}
      >
        <InputNumber step={0.001} style={{ width: '100%' }} />
      </Form.Item>
    </div>
  );
}
