import { Col, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import { ORG_KINDS, STRENGTHS, type OrgKind } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { HAS_POPULATION, type ParentNode } from './orgForm';

/** The organisation form's fields: the parent for all but the county, strengths and leader for a unit. */
export function OrgFormFields({
  kind,
  editing,
  parents,
  parentsLoading,
}: {
  kind: OrgKind | undefined;
  editing: boolean;
  parents: ParentNode[];
  parentsLoading: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="kind"
            label={t('org.kind')}
            rules={[{ required: true, message: t('errors.required', { field: t('org.kind') }) }]}
          >
            <Select disabled={editing} options={ORG_KINDS.map((k) => ({ value: k, label: labelOf('orgKind', k) }))} />
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
            loading={parentsLoading}
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
    </>
  );
}
