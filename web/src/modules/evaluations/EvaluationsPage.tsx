import { countyWallClock } from '../../ui/clock';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Modal, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import type { EvaluationSessionView } from '../../api/contracts';
import { useSession as useLogin } from '../../auth/session';
import { useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { useFeedback } from '../../ui/feedback';
import { formatDate, formatNumber } from '../../ui/format';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useListParams } from '../../ui/useListParams';
import { can, ownOrgOf, seesWholeCounty } from '../../auth/access';
import { OrgSelect } from '../org/OrgSelect';
import { useEvaluationWrites, useSessions } from './api';

/** The next 20th (today if it is the 20th). */
export function next20th(from = dayjs(countyWallClock())): Dayjs {
  const d = from.date(20);
  return from.date() <= 20 ? d : d.add(1, 'month');
}

/** 每月评事: the sessions of each community, and a new one for a 20th. */
export default function EvaluationsPage() {
  const { t } = useI18n();
  const { me } = useLogin();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const list = useListParams(['communityId'] as const);
  const sessions = useSessions(list.query);
  const { create } = useEvaluationWrites();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ communityId: string; heldOn: Dayjs }>();
  const ownCommunity = ownOrgOf(me, 'community_admin');
  // Grid workers read the sessions of their communities (evaluations.read); the county and community admins run them.
  const canManage = can(me, 'evaluations.manage');

  const openCreate = () => {
    form.resetFields();
    form.setFieldsValue({ communityId: ownCommunity, heldOn: next20th() });
    setCreating(true);
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const s = await create.mutateAsync({ communityId: v.communityId, heldOn: v.heldOn.format('YYYY-MM-DD') });
      setCreating(false);
      feedback.success(t('common.created'));
      navigate(`/evaluations/${s.id}`);
    } catch (err) {
      feedback.error(err);
    }
  };
  const unavailable =
    sessions.isError &&
    sessions.error instanceof ApiError &&
    (sessions.error.status === 404 || sessions.error.status === 405);

  return (
    <ListPage
      title={t('evaluations.title')}
      actions={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={openCreate} data-testid="evaluation-create">
            {t('evaluations.create')}
          </Button>
        ) : undefined
      }
      filters={
        ownCommunity || !seesWholeCounty(me) ? undefined : (
          <OrgSelect
            kind="community"
            value={list.filters.communityId}
            placeholder={t('evaluations.community')}
            onChange={(v) => list.setFilter('communityId', v)}
            testId="evaluation-community-filter"
          />
        )
      }
      activeFilters={list.filters.communityId ? 1 : 0}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('evaluations.subtitle')}
      </Typography.Paragraph>
      {sessions.isError ? (
        unavailable ? (
          <Alert
            type="warning"
            showIcon
            title={t('evaluations.unavailable')}
            description={errorMessage(sessions.error)}
          />
        ) : (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        )
      ) : sessions.isPending ? (
        <Loading />
      ) : (
        <Table<EvaluationSessionView>
          data-testid="evaluations-table"
          rowKey="id"
          size="middle"
          className="clickable-rows"
          loading={sessions.isFetching}
          dataSource={sessions.data?.items ?? []}
          locale={{ emptyText: <EmptyState /> }}
          onRow={(r) =>
            ({
              onClick: () => navigate(`/evaluations/${r.id}`),
              'data-testid': `evaluation-row-${r.id}`,
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: sessions.data?.total ?? 0,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => list.setPage(p, s),
          }}
          columns={[
            { key: 'heldOn', title: t('evaluations.heldOn'), render: (_, s) => formatDate(s.heldOn) },
            { key: 'community', title: t('evaluations.community'), render: (_, s) => s.communityName ?? '—' },
            {
              key: 'status',
              title: t('evaluations.status'),
              render: (_, s) => <EnumTag group="evaluationStatus" value={s.status} />,
            },
            {
              key: 'period',
              title: t('evaluations.period'),
              responsive: ['md'],
              render: (_, s) => `${formatDate(s.periodFrom)} ~ ${formatDate(s.periodTo)}`,
            },
            {
              key: 'items',
              title: t('evaluations.itemCount'),
              align: 'right',
              render: (_, s) => formatNumber(s.itemCount),
            },
            {
              key: 'judged',
              title: t('evaluations.judged'),
              align: 'right',
              responsive: ['md'],
              render: (_, s) => `${formatNumber(s.itemCount - s.counts.pending)} / ${formatNumber(s.itemCount)}`,
            },
          ]}
        />
      )}
      <Modal
        open={creating}
        title={t('evaluations.createTitle')}
        onCancel={() => setCreating(false)}
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={create.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" data-testid="evaluation-form">
          <Form.Item
            name="communityId"
            label={t('evaluations.community')}
            rules={[{ required: true, message: t('errors.required', { field: t('evaluations.community') }) }]}
          >
            <OrgSelect kind="community" disabled={!!ownCommunity} />
          </Form.Item>
          <Form.Item
            name="heldOn"
            label={t('evaluations.heldOn')}
            extra={t('evaluations.heldOnHint')}
            rules={[{ required: true, message: t('errors.required', { field: t('evaluations.heldOn') }) }]}
          >
            <DatePicker disabledDate={(d) => d.date() !== 20} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </ListPage>
  );
}
