import { Form, Modal } from 'antd';
import { useEffect, useMemo } from 'react';
import { ALLOWED_PARENTS, ORG_KINDS, type OrganisationView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { useOrgMutations, useOrgTree } from './api';
import { OrgFormFields } from './OrgFormFields';
import { type OrgFormValues, orgFields, parentOptions } from './orgForm';

export type OrgFormTarget =
  | { mode: 'create'; parent: OrganisationView | null }
  | { mode: 'edit'; org: OrganisationView };

/** The form's starting values: the organisation's own, or a child of the chosen parent (a community by default). */
function initialValues(target: OrgFormTarget): Partial<OrgFormValues> {
  if (target.mode === 'edit') {
    const o = target.org;
    return {
      kind: o.kind,
      name: o.name,
      code: o.code ?? undefined,
      parentId: o.parentId ?? undefined,
      address: o.address ?? undefined,
      phone: o.phone ?? undefined,
      lng: o.lng,
      lat: o.lat,
      strengths: o.strengths,
      population: o.population,
      leaderName: o.leaderName ?? undefined,
      leaderTitle: o.leaderTitle ?? undefined,
    };
  }
  const p = target.parent;
  const childKind = ORG_KINDS.find((k) => p && ALLOWED_PARENTS[k].includes(p.kind)) ?? 'community';
  return { kind: p ? childKind : 'community', parentId: p?.id };
}

/** Create or edit an organisation; the server checks the parent rules and answers in the user's language. */
export function OrgFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: OrgFormTarget | null;
  onClose: () => void;
  onSaved: (org: OrganisationView) => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [form] = Form.useForm<OrgFormValues>();
  const tree = useOrgTree();
  const { create, update } = useOrgMutations();
  const kind = Form.useWatch('kind', form);
  const editing = target?.mode === 'edit' ? target.org : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(initialValues(target));
  }, [target, form]);

  const parents = useMemo(
    () => parentOptions(tree.data ?? [], kind ?? 'community', editing?.id ?? null),
    [tree.data, kind, editing],
  );

  const submit = async () => {
    const v = await form.validateFields();
    const fields = orgFields(v);
    try {
      const saved = editing
        ? await update.mutateAsync({ id: editing.id, input: { ...fields, version: editing.version } })
        : await create.mutateAsync({ kind: v.kind, ...fields });
      feedback.success(editing ? t('common.saved') : t('common.created'));
      onSaved(saved);
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <Modal
      open={!!target}
      title={editing ? t('org.editTitle', { name: editing.name }) : t('org.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="org-form">
        <OrgFormFields kind={kind} editing={!!editing} parents={parents} parentsLoading={tree.isLoading} />
      </Form>
    </Modal>
  );
}
