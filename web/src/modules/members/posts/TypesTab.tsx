import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState, LoadError } from '../../../ui/states';
import { type PostTypeView, usePostTypes, useCreateType, useUpdateType } from './api';
import type { PostsScope } from './PostsPage';

interface TypeForm {
  name: string;
  nameEn: string;
  description?: string;
}

function TypeModal({
  scope,
  editing,
  onClose,
}: {
  scope: PostsScope;
  editing: PostTypeView | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const create = useCreateType();
  const update = useUpdateType();
  const [form] = Form.useForm<TypeForm>();
  const current = editing === 'new' ? null : editing;
  const submit = async (v: TypeForm) => {
    try {
      if (current)
        await update.mutateAsync({
          id: current.id,
          ...v,
          description: v.description || null,
          version: current.version,
        });
      else await create.mutateAsync({ communityId: scope.communityId, ...v, description: v.description || null });
      onClose();
    } catch (e) {
      feedback.error(e);
    }
  };
  return (
    <Modal
      open={editing !== null}
      destroyOnHidden
      title={current ? t('posts.editType') : t('posts.addType')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={current ?? {}}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('posts.typeName')} rules={[{ required: true, max: 40 }]}>
          <Input data-testid="post-type-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('posts.typeNameEn')} rules={[{ required: true, max: 80 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('posts.typeDescription')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The community's post types: the article's eight and its own; renamed or deactivated by its staff. */
export function TypesTab({ scope }: { scope: PostsScope }) {
  const { t, language } = useI18n();
  const feedback = useFeedback();
  const types = usePostTypes(scope.communityId);
  const update = useUpdateType();
  const [editing, setEditing] = useState<PostTypeView | 'new' | null>(null);
  if (!scope.communityId) return <EmptyState description={t('posts.chooseCommunity')} />;
  if (types.isError) return <LoadError error={types.error} onRetry={() => void types.refetch()} />;
  const toggle = (p: PostTypeView) =>
    update.mutateAsync({ id: p.id, active: !p.active, version: p.version }).catch(feedback.error);
  return (
    <>
      {scope.manages && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          style={{ marginBottom: 8 }}
          data-testid="post-type-add"
        >
          {t('posts.addType')}
        </Button>
      )}
      <Table<PostTypeView>
        rowKey="id"
        size="middle"
        loading={types.isPending}
        dataSource={types.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('posts.typeName'), render: (_, p) => (language === 'en' ? p.nameEn : p.name) },
          {
            key: 'description',
            title: t('posts.typeDescription'),
            responsive: ['md'],
            render: (_, p) => p.description,
          },
          {
            key: 'active',
            title: t('posts.state'),
            render: (_, p) =>
              p.active ? <Tag color="green">{t('posts.typeActive')}</Tag> : <Tag>{t('posts.typeInactive')}</Tag>,
          },
          ...(scope.manages
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, p: PostTypeView) => (
                    <>
                      <Button type="link" size="small" onClick={() => setEditing(p)}>
                        {t('posts.edit')}
                      </Button>
                      <Button type="link" size="small" onClick={() => void toggle(p)}>
                        {p.active ? t('posts.deactivate') : t('posts.activate')}
                      </Button>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TypeModal scope={scope} editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
