import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import type { DispatchInboxRow, DispatchStatus, DispatchStep } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { useFeedback } from '../../ui/feedback';
import { formatShortDateTime } from '../../ui/format';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { useIsMobile } from '../../ui/useIsMobile';
import { useListParams } from '../../ui/useListParams';
import { useNow } from '../../ui/useNow';
import { caseKeys, dispatchStep, useDispatchInbox } from './api';
import { readClock } from './sla';
import { SlaTag } from './SlaBadge';

const STATUSES: readonly DispatchStatus[] = ['pending', 'acknowledged', 'on_site', 'done', 'returned'];
/** Which buttons a dispatch offers in each state (the server still decides). */
const STEPS: Record<DispatchStatus, DispatchStep[]> = {
  pending: ['acknowledge', 'return'],
  acknowledged: ['arrive', 'done', 'return'],
  on_site: ['done', 'return'],
  done: [],
  returned: [],
};
const STEP_TESTID: Record<DispatchStep, string> = {
  acknowledge: 'dispatch-ack',
  arrive: 'dispatch-arrive',
  done: 'dispatch-done',
  return: 'dispatch-return',
};

const numberOf = (r: DispatchInboxRow) => r.caseNumber;

/** 单位待办: the cases whistled to my unit, with the 报到 clock and 报到 / 到场 / 办结 / 退回. */
export default function UnitInboxPage() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const qc = useQueryClient();
  const now = useNow();
  const mobile = useIsMobile();
  const list = useListParams(['status'] as const);
  const inbox = useDispatchInbox(list.query);
  const [dialog, setDialog] = useState<{ row: DispatchInboxRow; step: 'done' | 'return' } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ text: string }>();

  const run = async (row: DispatchInboxRow, step: DispatchStep, text?: string) => {
    setBusy(`${row.id}:${step}`);
    setError(null);
    try {
      await dispatchStep(row, step, text);
      feedback.success(t('unitInbox.stepDone', { step: t(`unitInbox.${step}`) }));
      setDialog(null);
      await qc.invalidateQueries({ queryKey: caseKeys.all });
    } catch (err) {
      const msg = err instanceof ApiError && err.code === 'STALE_UPDATE' ? t('cases.stale') : errorMessage(err);
      if (dialog) setError(msg);
      else feedback.error(new Error(msg));
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: caseKeys.all });
    } finally {
      setBusy(null);
    }
  };
  const press = (row: DispatchInboxRow, step: DispatchStep) => {
    if (step === 'done' || step === 'return') {
      form.resetFields();
      setError(null);
      setDialog({ row, step });
    } else void run(row, step);
  };
  const submitDialog = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    await run(dialog.row, dialog.step, v.text.trim());
  };

  const filters = (
    <Select
      allowClear
      placeholder={t('unitInbox.statusFilter')}
      value={list.filters.status}
      onChange={(v: string | undefined) => list.setFilter('status', v)}
      options={STATUSES.map((s) => ({ value: s, label: labelOf('dispatchStatus', s) }))}
      data-testid="unit-inbox-status"
    />
  );
  const unavailable =
    inbox.isError && inbox.error instanceof ApiError && (inbox.error.status === 404 || inbox.error.status === 405);

  return (
    <ListPage title={t('unitInbox.title')} filters={filters} activeFilters={list.filters.status ? 1 : 0}>
      <div data-testid="unit-inbox">
        {inbox.isError ? (
          unavailable ? (
            <Alert type="warning" showIcon title={t('unitInbox.unavailable')} description={errorMessage(inbox.error)} />
          ) : (
            <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />
          )
        ) : inbox.isPending ? (
          <Loading />
        ) : (
          <Table<DispatchInboxRow>
            rowKey="id"
            size="middle"
            loading={inbox.isFetching}
            dataSource={inbox.data?.items ?? []}
            scroll={mobile ? undefined : { x: 900 }}
            locale={{ emptyText: <EmptyState /> }}
            onRow={(r) => ({ 'data-testid': `dispatch-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: inbox.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { count: n }),
              onChange: (p, s) => list.setPage(p, s),
            }}
            columns={[
              {
                key: 'case',
                title: t('unitInbox.case'),
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={`/cases/${r.caseId}`} className="mono">
                      {numberOf(r)}
                    </Link>
                    <Space size={4}>
                      {r.casePriority === 'urgent' && <EnumTag group="casePriority" value={r.casePriority} />}
                      <Typography.Text>{r.caseTitle}</Typography.Text>
                    </Space>
                    {r.instructions && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('cases.instructions')}：{r.instructions}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              { key: 'unit', title: t('cases.unit'), dataIndex: 'unitName', responsive: ['xl'] },
              {
                key: 'caseStatus',
                title: t('cases.status'),
                responsive: ['lg'],
                render: (_, r) => <EnumTag group="caseStatus" value={r.caseStatus} />,
              },
              {
                key: 'dispatchedAt',
                title: t('cases.dispatchedAt'),
                responsive: ['xl'],
                render: (_, r) => formatShortDateTime(r.dispatchedAt),
              },
              {
                key: 'status',
                title: t('unitInbox.status'),
                render: (_, r) => (
                  <Space orientation="vertical" size={4}>
                    <EnumTag group="dispatchStatus" value={r.status} />
                    {mobile && r.status !== 'returned' && (
                      <SlaTag
                        reading={readClock('response', r.dispatchedAt, r.responseDueAt, r.acknowledgedAt, now)}
                        testId={`dispatch-sla-${r.id}`}
                      />
                    )}
                  </Space>
                ),
              },
              ...(mobile
                ? []
                : [
                    {
                      key: 'sla',
                      title: t('unitInbox.responseDue'),
                      render: (_: unknown, r: DispatchInboxRow) =>
                        r.status === 'returned' ? (
                          '—'
                        ) : (
                          <SlaTag
                            reading={readClock('response', r.dispatchedAt, r.responseDueAt, r.acknowledgedAt, now)}
                            testId={`dispatch-sla-${r.id}`}
                          />
                        ),
                    },
                  ]),
              {
                key: 'actions',
                title: t('common.actions'),
                render: (_, r) => (
                  <Space wrap size={4}>
                    {STEPS[r.status].map((step) => (
                      <Button
                        key={step}
                        size="small"
                        type={step === 'return' ? 'default' : 'primary'}
                        danger={step === 'return'}
                        loading={busy === `${r.id}:${step}`}
                        onClick={() => press(r, step)}
                        data-testid={`${STEP_TESTID[step]}-${r.id}`}
                      >
                        {t(`unitInbox.${step}`)}
                      </Button>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </div>
      <Modal
        open={!!dialog}
        title={
          dialog
            ? t(dialog.step === 'done' ? 'unitInbox.doneTitle' : 'unitInbox.returnTitle', {
                number: numberOf(dialog.row),
              })
            : ''
        }
        onCancel={() => setDialog(null)}
        onOk={() => void submitDialog().catch(() => undefined)}
        confirmLoading={!!busy}
        destroyOnHidden
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'dispatch-dialog-submit' } as object as { danger?: boolean }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="text"
            label={dialog?.step === 'return' ? t('unitInbox.returnReason') : t('unitInbox.doneNote')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('errors.required', {
                  field: dialog?.step === 'return' ? t('unitInbox.returnReason') : t('unitInbox.doneNote'),
                }),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="dispatch-dialog-text" />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </ListPage>
  );
}
