import { Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { CreatePerson, PersonView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { RecordFormModal } from '../../ui/RecordFormModal';
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

  const save = async (v: Values) => {
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
    if (!editing) return create.mutateAsync({ ...base, phone, idNumber });
    const input = { ...base, ...(phone ? { phone } : {}), ...(idNumber ? { idNumber } : {}), version: editing.version };
    return update.mutateAsync({ id: editing.id, input });
  };

  return (
    <RecordFormModal<Values, PersonView>
      form={form}
      open={!!target}
      editing={!!editing}
      title={editing ? t('people.editTitle', { name: editing.name }) : t('people.createTitle')}
      width={680}
      testId="person-form"
      saving={create.isPending || update.isPending}
      onClose={onClose}
      save={save}
      onSaved={onSaved}
    >
      <PersonFormFields
        editing={editing}
        onCommunityChange={() => form.setFieldValue('homeGridId', undefined)}
        communityId={communityId}
      />
    </RecordFormModal>
  );
}
