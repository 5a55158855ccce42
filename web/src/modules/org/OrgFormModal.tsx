import { Col, Form, Input, InputNumber, Modal, Row, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import {
  ALLOWED_PARENTS,
  ORG_KINDS,
  STRENGTHS,
  type CreateOrganisation,
  type OrgKind,
  type OrganisationView,
  type OrgTreeNode,
} from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { useOrgMutations, useOrgTree } from './api';

export type OrgFormTarget =
  | { mode: 'create'; parent: OrganisationView | null }
  | { mode: 'edit'; org: OrganisationView };

interface Values {
  kind: OrgKind;
  name: string;
  code?: string;
  parentId?: string;
  address?: string;
  phone?: string;
  lng?: number | null;
  lat?: number | null;
  strengths?: string[];
  population?: number | null;
  leaderName?: string;
  leaderTitle?: string;
}

interface ParentNode {
  value: string;
  title: string;
  disabled: boolean;
  children: ParentNode[];
}

function parentOptions(nodes: OrgTreeNode[], kind: OrgKind, selfId: string | null): ParentNode[] {
  return nodes
    .filter((n) => n.id !== selfId)
    .map((n) => ({
      value: n.id,
      title: `${n.name} · ${labelOf('orgKind', n.kind)}`,
      disabled: !ALLOWED_PARENTS[kind].includes(n.kind),
      children: parentOptions(n.children, kind, selfId),
    }));
}

const HAS_POPULATION: readonly OrgKind[] = ['county', 'town', 'community'];
const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

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
  const [form] = Form.useForm<Values>();
  const tree = useOrgTree();
  const { create, update } = useOrgMutations();
  const kind = Form.useWatch('kind', form);
  const editing = target?.mode === 'edit' ? target.org : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const o = target.org;
      form.setFieldsValue({
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
      });
    } else {
      const p = target.parent;
      const childKind = ORG_KINDS.find((k) => p && ALLOWED_PARENTS[k].includes(p.kind)) ?? 'community';
      form.setFieldsValue({ kind: p ? childKind : 'community', parentId: p?.id });
    }
  }, [target, form]);

  const parents = useMemo(
    () => parentOptions(tree.data ?? [], kind ?? 'community', editing?.id ?? null),
    [tree.data, kind, editing],
  );

  const submit = async () => {
    const v = await form.validateFields();
    const fields = {
      name: v.name.trim(),
      code: blank(v.code),
      parentId: v.kind === 'county' ? null : (v.parentId ?? null),
      address: blank(v.address),
      phone: blank(v.phone),
      lng: v.lng ?? null,
      lat: v.lat ?? null,
      // Only the fields the form shows for this kind, so an edit never clears what it did not show.
      ...(v.kind === 'unit'
        ? {
            strengths: (v.strengths ?? []) as CreateOrganisation['strengths'],
            leaderName: blank(v.leaderName),
            leaderTitle: blank(v.leaderTitle),
          }
        : {}),
      ...(HAS_POPULATION.includes(v.kind) ? { population: v.population ?? null } : {}),
    };
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
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="kind"
              label={t('org.kind')}
              rules={[{ required: true, message: t('errors.required', { field: t('org.kind') }) }]}
            >
              <Select
                disabled={!!editing}
                options={ORG_KINDS.map((k) => ({ value: k, label: labelOf('orgKind', k) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t('org.code')}
              rules={[
                { pattern: /^[A-Za-z0-9_-]+$/, message: t('errors.code') },
                { max: 32, message: t('errors.maxLength', { field: t('org.code'), max: 32 }) },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[
            { required: true, whitespace: true, message: t('errors.required', { field: t('org.name') }) },
            { max: 100, message: t('errors.maxLength', { field: t('org.name'), max: 100 }) },
          ]}
        >
          <Input data-testid="org-name" />
        </Form.Item>
        {kind !== 'county' && (
          <Form.Item
            name="parentId"
            label={t('org.parent')}
            extra={t('org.parentHint')}
            rules={[{ required: true, message: t('errors.required', { field: t('org.parent') }) }]}
          >
            <TreeSelect
              treeData={parents}
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll={false}
              allowClear
              loading={tree.isLoading}
              placeholder={t('common.selectPlaceholder')}
            />
          </Form.Item>
        )}
        <Form.Item
          name="address"
          label={t('org.address')}
          rules={[{ max: 200, message: t('errors.maxLength', { field: t('org.address'), max: 200 }) }]}
        >
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={t('org.phone')}>
              <Input inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="lng" label={t('org.lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="lat" label={t('org.lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'unit' && (
          <Form.Item name="strengths" label={t('org.strengths')}>
            <Select
              mode="multiple"
              allowClear
              options={STRENGTHS.map((s) => ({ value: s, label: labelOf('strength', s) }))}
            />
          </Form.Item>
        )}
        {kind === 'unit' && (
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item
                name="leaderName"
                label={t('org.leaderName')}
                rules={[{ max: 50, message: t('errors.maxLength', { field: t('org.leaderName'), max: 50 }) }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="leaderTitle"
                label={t('org.leaderTitle')}
                rules={[{ max: 100, message: t('errors.maxLength', { field: t('org.leaderTitle'), max: 100 }) }]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind && HAS_POPULATION.includes(kind) && (
          <Form.Item name="population" label={t('org.population')}>
            <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
