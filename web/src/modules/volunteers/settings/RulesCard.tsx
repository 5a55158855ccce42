import { Alert, Button, Card, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { markServerFieldErrors } from '../../../ui/serverErrors';
import { LoadError, Loading } from '../../../ui/states';
import { useCatalogueWrites, useRules, type VolunteerRulesInput } from '../api';

type NumberRule = Exclude<keyof VolunteerRulesInput, 'starHours'>;

/** The figures besides the star table, with their bounds (the server checks them again: VOLUNTEER_RULES_INVALID). */
const FIELDS: { name: NumberRule; min: number; max: number; step?: number; help?: boolean }[] = [
  { name: 'noShowPenaltyFactor', min: 0, max: 10, step: 0.5, help: true },
  { name: 'blockAfterNoShows', min: 0, max: 20 },
  { name: 'noShowWindowDays', min: 1, max: 3650 },
  { name: 'blockDays', min: 0, max: 3650 },
  { name: 'dayCapMinutes', min: 60, max: 1440 },
  { name: 'geofenceMeters', min: 50, max: 5000 },
  { name: 'codeRotateSeconds', min: 15, max: 600 },
  { name: 'publicityDays', min: 1, max: 30 },
];

/** The county's volunteer rules: star thresholds, no-show penalty and block, day cap, geofence, code, 公示. */
export function RulesCard() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const rules = useRules();
  const { saveRules } = useCatalogueWrites();
  const [form] = Form.useForm<VolunteerRulesInput>();
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);
  if (rules.isLoading) return <Loading />;
  if (rules.isError) return <LoadError error={rules.error} onRetry={() => void rules.refetch()} />;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await saveRules.mutateAsync(v);
      feedback.success(t('common.saved'));
    } catch (err) {
      markServerFieldErrors(form, err, t('errors.fieldInvalid'));
      feedback.error(err);
    }
  };
  const required = { required: true, message: t('errors.required', { field: '' }) };
  return (
    <Card size="small" title={t('volunteers.settings.rules')} style={{ marginTop: 12 }}>
      {rules.data?.id === null && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('volunteers.settings.defaultsInForce')} />
      )}
      <Form form={form} layout="vertical" data-testid="vs-rules-form">
        <Form.Item label={t('volunteers.settings.starHours')} required>
          <Row gutter={8}>
            {[0, 1, 2, 3, 4].map((i) => (
              <Col key={i} xs={12} sm={8} md={4}>
                <Form.Item name={['starHours', i]} rules={[required]} style={{ marginBottom: 8 }}>
                  <InputNumber
                    min={1}
                    max={100000}
                    addonBefore={t('volunteers.starN', { n: i + 1 })}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form.Item>
        <Row gutter={16}>
          {FIELDS.map((f) => (
            <Col key={f.name} xs={24} sm={12} lg={6}>
              <Form.Item
                name={f.name}
                label={t(`volunteers.settings.${f.name}`)}
                rules={[required]}
                extra={f.help ? t('volunteers.settings.noShowPenaltyHelp') : undefined}
              >
                <InputNumber min={f.min} max={f.max} step={f.step ?? 1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary">{t('volunteers.settings.rulesHelp')}</Typography.Paragraph>
        <Button
          type="primary"
          onClick={() => void submit().catch(() => undefined)}
          loading={saveRules.isPending}
          data-testid="vs-save-rules"
        >
          {t('volunteers.settings.saveRules')}
        </Button>
      </Form>
    </Card>
  );
}
