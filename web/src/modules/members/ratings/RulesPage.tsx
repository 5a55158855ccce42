import { Alert, Button, Card, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { SERVICE_RECORD_KINDS } from '../../../../../src/modules/ledger/ledger.enums';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatCountyDateTime } from '../../../ui/format';
import { ListPage } from '../../../ui/ListPage';
import { LoadError, Loading } from '../../../ui/states';
import { type ServiceRulesInput, useSaveRules, useServiceRules } from './api';

const nonNegative = { type: 'number' as const, min: 0 };

/**
 * 服务规则 (county): the yearly hours, reporting interval, certificate validity and the points rules, saved as a new
 * version (never an edit). The form checks what the server checks (non-negative numbers and caps, thresholds in
 * order, 1–200 hours, 1–12 months); the server's refusal is shown as it comes.
 */
export default function RulesPage() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const rules = useServiceRules();
  const save = useSaveRules();
  const [form] = Form.useForm<ServiceRulesInput>();
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);
  if (rules.isLoading) return <Loading />;
  if (rules.isError) return <LoadError error={rules.error} />;
  const onSave = async (v: ServiceRulesInput) => {
    try {
      await save.mutateAsync(v);
      feedback.success(t('ratings.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const num = (name: (string | number)[], label: string, extra: object = {}) => (
    <Form.Item name={name} label={label} rules={[{ required: true }, { ...nonNegative, ...extra }]}>
      <InputNumber style={{ width: '100%' }} min={0} />
    </Form.Item>
  );
  const thresholdOrder = ({ getFieldValue }: { getFieldValue: (n: (string | number)[]) => number }) => ({
    validator: () => {
      const e = getFieldValue(['points', 'thresholds', 'excellent']);
      const q = getFieldValue(['points', 'thresholds', 'qualified']);
      const b = getFieldValue(['points', 'thresholds', 'basic']);
      return e >= q && q >= b ? Promise.resolve() : Promise.reject(new Error(t('ratings.thresholdOrder')));
    },
  });
  return (
    <ListPage title={t('ratings.rulesTitle')} plain>
      <Card>
        <Typography.Paragraph type="secondary">
          {rules.data?.createdAt
            ? t('ratings.rulesSince', { at: formatCountyDateTime(rules.data.createdAt) })
            : t('ratings.rulesDefault')}
        </Typography.Paragraph>
        <Alert type="info" showIcon message={t('ratings.rulesHint')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={(v) => void onSave(v)} style={{ maxWidth: 820 }}>
          <Row gutter={16}>
            <Col xs={24} sm={12} md={6}>
              {num(['requiredHoursPerYear'], t('ratings.requiredHours'), { min: 1, max: 200 })}
            </Col>
            <Col xs={24} sm={12} md={6}>
              {num(['reportEveryMonths'], t('ratings.reportEveryMonths'), { min: 1, max: 12 })}
            </Col>
            <Col xs={24} sm={12} md={6}>
              {num(['certificateValidDays'], t('ratings.certificateValidDays'), { min: 1 })}
            </Col>
            <Col xs={24} sm={12} md={6}>
              {num(['maxNoShowsForQualified'], t('ratings.maxNoShows'))}
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              {num(['points', 'perHour'], t('ratings.perHour'))}
            </Col>
            <Col xs={12} md={6}>
              {num(['points', 'noShowPenalty'], t('ratings.noShowPenalty'))}
            </Col>
            <Col xs={12} md={6}>
              {num(['points', 'capPerActivity'], t('ratings.capPerActivity'))}
            </Col>
            <Col xs={12} md={6}>
              {num(['points', 'capPerDay'], t('ratings.capPerDay'))}
            </Col>
          </Row>
          <Typography.Text strong>{t('ratings.perActivity')}</Typography.Text>
          <Row gutter={16}>
            {SERVICE_RECORD_KINDS.map((k) => (
              <Col xs={12} md={8} key={k}>
                {num(['points', 'perActivity', k], t(`ratings.kinds.${k}`))}
              </Col>
            ))}
          </Row>
          <Typography.Text strong>{t('ratings.thresholds')}</Typography.Text>
          <Row gutter={16}>
            {(['excellent', 'qualified', 'basic'] as const).map((g) => (
              <Col xs={8} key={g}>
                <Form.Item
                  name={['points', 'thresholds', g]}
                  label={t(`ratings.grades.${g}`)}
                  dependencies={[
                    ['points', 'thresholds', 'excellent'],
                    ['points', 'thresholds', 'qualified'],
                    ['points', 'thresholds', 'basic'],
                  ]}
                  rules={[{ required: true }, nonNegative, thresholdOrder]}
                >
                  <InputNumber style={{ width: '100%' }} min={0} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rules-save">
            {t('ratings.save')}
          </Button>
        </Form>
      </Card>
    </ListPage>
  );
}
