import { Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { CreatePerson, PersonView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { markServerFieldErrors } from '../../ui/serverErrors';
import { usePeopleMutations } from './api';
import { PersonFormFields } from './PersonFormFields';

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
        <PersonFormFields
          editing={editing}
          onCommunityChange={() => form.setFieldValue('homeGridId', undefined)}
          communityId={communityId}
        />
      </Form>
    </Modal>
  );
}
