import { Checkbox, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { PERSON_ROLES, type PersonView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { countyWallClock } from '../../ui/clock';
import { isValidIdNumber, PHONE_PATTERN } from '../../ui/validators';
import { GridTreeSelect } from '../grid/GridTreeSelect';
import { OrgSelect } from '../org/OrgSelect';

/** The person form's fields; an edit shows the masked phone and ID number it keeps unless new ones are typed. */
export function PersonFormFields({
  editing,
  communityId,
  onCommunityChange,
}: {
  editing: PersonView | null;
  communityId: string | undefined;
  onCommunityChange: () => void;
}) {
  const { t } = useI18n();
  const req = (field: string) => ({ required: true, whitespace: true, message: t('errors.required', { field }) });
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('people.name')}
            rules={[
              req(t('people.name')),
              { max: 50, message: t('errors.maxLength', { field: t('people.name'), max: 50 }) },
            ]}
          >
            <Input data-testid="person-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="gender" label={t('people.gender')}>
            <Radio.Group
              options={[
                { value: 'male', label: labelOf('gender', 'male') },
                { value: 'female', label: labelOf('gender', 'female') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="birthDate" label={t('people.birthDate')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(countyWallClock()))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('people.phone')}
            extra={editing?.phone ? t('people.keepMasked', { value: editing.phone }) : t('people.phoneHint')}
            rules={[{ pattern: PHONE_PATTERN, message: t('errors.phone') }]}
          >
            <Input inputMode="tel" maxLength={11} data-testid="person-phone-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="idNumber"
            label={t('people.idNumber')}
            extra={editing?.idNumber ? t('people.keepMasked', { value: editing.idNumber }) : t('people.idHint')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  !v || isValidIdNumber(v) ? Promise.resolve() : Promise.reject(new Error(t('errors.idNumber'))),
              },
            ]}
          >
            <Input maxLength={18} data-testid="person-id-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="communityId" label={t('people.community')}>
            <OrgSelect kind="community" onChange={onCommunityChange} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="homeGridId" label={t('people.homeGrid')}>
            <GridTreeSelect communityId={communityId} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="address"
        label={t('people.address')}
        rules={[{ max: 200, message: t('errors.maxLength', { field: t('people.address'), max: 200 }) }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="roles" label={t('people.roles')}>
        <Checkbox.Group options={PERSON_ROLES.map((r) => ({ value: r, label: labelOf('personRole', r) }))} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('people.note')}
        rules={[{ max: 1000, message: t('errors.maxLength', { field: t('people.note'), max: 1000 }) }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
