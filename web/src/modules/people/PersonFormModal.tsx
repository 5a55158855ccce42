import { countyWallClock } from '../../ui/clock';
import { Checkbox, Col, DatePicker, Form, Input, Modal, Radio, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { PERSON_ROLES, type CreatePerson, type PersonView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { markServerFieldErrors } from '../../ui/serverErrors';
import { isValidIdNumber, PHONE_PATTERN } from '../../ui/validators';
import { GridTreeSelect } from '../grid/GridTreeSelect';
import { OrgSelect } from '../org/OrgSelect';
import { usePeopleMutations } from './api';

export type PersonFormTarget = { mode: 'create' } | { mode: 'edit'; person: PersonView };

interface Values {
  name: string;
  gender?: 'male' | 'female';
  birthDate?: Dayjs | null;
  phone?: string;
  idNumber?: string;
  communityId?: string;
  homeGridId?: string;
  address?: string;
  roles?: string[];
  note?: string;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** Register or edit a person. Masked phone/ID numbers are kept unless a new value is typed. */
export function PersonFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: PersonFormTarget | null;
  onClose: () => void;
  onSaved: (p: PersonView) => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const { create, update } = usePeopleMutations();
  const communityId = Form.useWatch('communityId', form);
  const editing = target?.mode === 'edit' ? target.person : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        gender: editing.gender ?? undefined,
        birthDate: editing.birthDate ? dayjs(editing.birthDate) : null,
        communityId: editing.communityId ?? undefined,
        homeGridId: editing.homeGridId ?? undefined,
        address: editing.address ?? undefined,
        roles: editing.roles,
        note: editing.note ?? undefined,
      });
    }
  }, [target, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const base = {
      name: v.name.trim(),
      gender: v.gender ?? null,
      birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
      address: blank(v.address),
      homeGridId: v.homeGridId ?? null,
      roles: (v.roles ?? []) as CreatePerson['roles'],
      note: blank(v.note),
    };
    const phone = blank(v.phone);
    const idNumber = blank(v.idNumber)?.toUpperCase() ?? null;
    try {
      const saved = editing
        ? await update.mutateAsync({
            id: editing.id,
            input: {
              ...base,
              ...(phone ? { phone } : {}),
              ...(idNumber ? { idNumber } : {}),
              version: editing.version,
            },
          })
        : await create.mutateAsync({ ...base, phone, idNumber });
      feedback.success(editing ? t('common.saved') : t('common.created'));
      onSaved(saved);
    } catch (err) {
      markServerFieldErrors(form, err, t('errors.fieldInvalid'));
      feedback.error(err);
    }
  };

  const req = (field: string) => ({ required: true, whitespace: true, message: t('errors.required', { field }) });

  return (
    <Modal
      open={!!target}
      title={editing ? t('people.editTitle', { name: editing.name }) : t('people.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={680}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="person-form">
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
              <OrgSelect kind="community" onChange={() => form.setFieldValue('homeGridId', undefined)} />
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
      </Form>
    </Modal>
  );
}
