import { countyWallClock } from '../../ui/clock';
import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { MEMBER_KINDS, type MemberKind, type PartyMemberView } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { RecordFormModal } from '../../ui/RecordFormModal';
import { OrgSelect } from '../org/OrgSelect';
import { PersonSelect } from '../people/PersonSelect';
import { useMemberMutations } from './api';

export type MemberFormTarget = { mode: 'create' } | { mode: 'edit'; member: PartyMemberView };

interface Values {
  personId?: string;
  kind: MemberKind;
  unitId?: string;
  branchId?: string;
  residenceCommunityId?: string;
  joinedAt?: Dayjs | null;
}

/** Make a registered person a Party member, or change a member's kind, unit, branch or residence. */
export function MemberFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: MemberFormTarget | null;
  onClose: () => void;
  onSaved: (m: PartyMemberView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { create, update } = useMemberMutations();
  const editing = target?.mode === 'edit' ? target.member : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        kind: editing.kind,
        unitId: editing.unitId ?? undefined,
        branchId: editing.branchId ?? undefined,
        residenceCommunityId: editing.residenceCommunityId ?? undefined,
        joinedAt: editing.joinedAt ? dayjs(editing.joinedAt) : null,
      });
    } else {
      form.setFieldsValue({ kind: 'in_service' });
    }
  }, [target, editing, form]);

  const save = (v: Values) => {
    const fields = {
      kind: v.kind,
      unitId: v.unitId ?? null,
      branchId: v.branchId ?? null,
      residenceCommunityId: v.residenceCommunityId ?? null,
      joinedAt: v.joinedAt ? v.joinedAt.format('YYYY-MM-DD') : null,
    };
    return editing
      ? update.mutateAsync({ id: editing.id, input: { ...fields, version: editing.version } })
      : create.mutateAsync({ personId: v.personId ?? '', ...fields });
  };

  return (
    <RecordFormModal<Values, PartyMemberView>
      form={form}
      open={!!target}
      editing={!!editing}
      title={editing ? t('members.editTitle', { name: editing.name }) : t('members.createTitle')}
      width={560}
      testId="member-form"
      saving={create.isPending || update.isPending}
      onClose={onClose}
      save={save}
      onSaved={onSaved}
    >
      {!editing && (
        <Form.Item
          name="personId"
          label={t('members.person')}
          extra={t('members.personHint')}
          rules={[{ required: true, message: t('errors.required', { field: t('members.person') }) }]}
        >
          <PersonSelect testId="member-person" />
        </Form.Item>
      )}
      <Form.Item
        name="kind"
        label={t('members.kind')}
        rules={[{ required: true, message: t('errors.required', { field: t('members.kind') }) }]}
      >
        <Select options={MEMBER_KINDS.map((k) => ({ value: k, label: labelOf('memberKind', k) }))} />
      </Form.Item>
      <Form.Item name="unitId" label={t('members.unit')}>
        <OrgSelect kind="unit" />
      </Form.Item>
      <Form.Item name="branchId" label={t('members.branch')}>
        <OrgSelect kind="branch" />
      </Form.Item>
      <Form.Item name="residenceCommunityId" label={t('members.residence')}>
        <OrgSelect kind="community" />
      </Form.Item>
      <Form.Item name="joinedAt" label={t('members.joinedAt')}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(countyWallClock()))} />
      </Form.Item>
    </RecordFormModal>
  );
}
