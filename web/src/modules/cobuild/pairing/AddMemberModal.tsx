import { Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../../i18n';
import { COMMITTEE_ROLES as ROLES } from '../../../../../src/modules/cobuild/pairing/pairing.enums';
import type { CommitteeMember } from './api';

export type NewMember = { name: string; title?: string; role: CommitteeMember['role'] };

/** A member added by hand to a community's 大党委 (name, title, role). */
export function AddMemberModal({
  open,
  pending,
  onClose,
  onAdd,
}: {
  open: boolean;
  pending: boolean;
  onClose: () => void;
  onAdd: (v: NewMember) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewMember>();
  const ok = async () => {
    await onAdd(await form.validateFields());
  };
  return (
    <Modal
      open={open}
      title={t('pairing.committee.add')}
      onCancel={onClose}
      onOk={() => void ok()}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ role: 'member' }} preserve={false}>
        <Form.Item
          name="name"
          label={t('pairing.committee.name')}
          rules={[{ required: true, whitespace: true, max: 50 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('pairing.committee.title')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('pairing.committee.role')}>
          <Select options={ROLES.map((x) => ({ value: x, label: t(`pairing.committee.${x}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
