import { Col, Form, Input, Row, Segmented } from 'antd';
import { useI18n } from '../../i18n';
import { PHONE_PATTERN } from '../../ui/validators';
import { PersonSelect } from '../people/PersonSelect';
import type { ReporterMode } from './newCaseForm';

/** The new-case form's reporter: a person searched in the register, or a name and phone typed in. */
export function ReporterField({ mode, onMode }: { mode: ReporterMode; onMode: (mode: ReporterMode) => void }) {
  const { t } = useI18n();
  return (
    <Form.Item label={t('cases.reporter')} extra={t('cases.reporterHint')}>
      <Segmented
        value={mode}
        onChange={(v) => onMode(v as ReporterMode)}
        style={{ marginBottom: 8 }}
        options={[
          { value: 'person', label: t('cases.reporterSearch') },
          { value: 'typed', label: t('cases.reporterName') },
        ]}
      />
      {mode === 'person' ? (
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
            <Form.Item name="reporterPhone" noStyle rules={[{ pattern: PHONE_PATTERN, message: t('errors.phone') }]}>
              <Input placeholder={t('cases.reporterPhoneInput')} inputMode="tel" maxLength={11} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </Form.Item>
  );
}
