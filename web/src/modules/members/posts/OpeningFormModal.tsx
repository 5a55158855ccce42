import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type PostOpeningView, usePostTypes, useCreateOpening, useUpdateOpening } from './api';
import type { PostsScope } from './PostsPage';

interface OpeningForm {
  postTypeId: string;
  gridId?: string | null;
  title: string;
  seats: number;
  duties?: string;
}

/** The community's grid-worker and neighbourhood grids, where a post can be placed. */
function useCommunityGrids(communityId: string | undefined) {
  return useQuery({
    queryKey: ['grids', 'of-community', communityId ?? ''],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; name: string }>>('/grids', { communityId, level: '2,3', pageSize: 200 }, signal),
    enabled: !!communityId,
  });
}

/** Adds a post to the community, or edits one (type, grid, title, seats, duties). */
export function OpeningFormModal({
  scope,
  editing,
  onClose,
}: {
  scope: PostsScope;
  editing: PostOpeningView | 'new' | null;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const feedback = useFeedback();
  const current = editing === 'new' ? null : editing;
  const communityId = current?.communityId ?? scope.communityId;
  const types = usePostTypes(communityId);
  const grids = useCommunityGrids(communityId);
  const create = useCreateOpening();
  const update = useUpdateOpening();
  const [form] = Form.useForm<OpeningForm>();
  const submit = async (v: OpeningForm) => {
    const body = { ...v, gridId: v.gridId ?? null, duties: v.duties || null };
    try {
      if (current) await update.mutateAsync({ id: current.id, ...body, version: current.version });
      else await create.mutateAsync({ ...body, communityId, year: scope.year });
      onClose();
    } catch (e) {
      feedback.error(e);
    }
  };
  return (
    <Modal
      open={editing !== null}
      destroyOnHidden
      title={current ? t('posts.editOpening') : t('posts.addOpening')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={current ?? { seats: 2 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="postTypeId" label={t('posts.postType')} rules={[{ required: true }]}>
          <Select
            data-testid="opening-type"
            loading={types.isLoading}
            options={(types.data?.items ?? [])
              .filter((p) => p.active || p.id === current?.postTypeId)
              .map((p) => ({ value: p.id, label: language === 'en' ? p.nameEn : p.name }))}
          />
        </Form.Item>
        <Form.Item name="gridId" label={t('posts.grid')}>
          <Select
            allowClear
            placeholder={t('posts.wholeCommunity')}
            loading={grids.isLoading}
            options={(grids.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('posts.openingTitle')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="opening-title" />
        </Form.Item>
        <Form.Item name="seats" label={t('posts.seats')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="duties" label={t('posts.duties')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
