import { countyWallClock } from '../../../ui/clock';
import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Modal, Row, Select, Statistic, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatNumber } from '../../../ui/format';
import { ListPage } from '../../../ui/ListPage';
import { useMeetingWrites, useSolved } from './api';
import { MeetingMatrix } from './MeetingMatrix';
import { MeetingTasksList } from './MeetingTasksList';

export const currentQuarter = () => Math.floor(dayjs(countyWallClock()).month() / 3) + 1;
export const yearOptions = () => {
  const y = dayjs(countyWallClock()).year();
  return [y + 1, y, y - 1, y - 2].map((v) => ({ value: v, label: String(v) }));
};

/** 急事难事 solved: done resolution tasks of the year, with what is still open and overdue. */
function SolvedFigures({ year }: { year: number }) {
  const { t } = useI18n();
  const q = useSolved({ year });
  const d = q.data;
  const cell = (title: string, value: number | undefined, colour?: string, testId?: string) => (
    <Col xs={8} md={6}>
      <Card size="small">
        <Statistic
          title={title}
          value={value === undefined ? '—' : formatNumber(value)}
          loading={q.isLoading}
          styles={{ content: { color: colour } }}
          data-testid={testId}
        />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      {cell(t('meetings.solved'), d?.total, '#389e0d', 'meetings-solved')}
      {cell(t('meetings.openTasks'), d?.open)}
      {cell(t('meetings.overdueTasks'), d?.overdue, d?.overdue ? '#cf1322' : undefined, 'meetings-overdue')}
    </Row>
  );
}

function ProposeButton({ year }: { year: number }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { propose } = useMeetingWrites();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ year: number; quarter: number }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await propose.mutateAsync(v);
      feedback.success(t('meetings.proposed', { created: r.created.length, existing: r.existing }));
      setOpen(false);
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <>
      <Button
        type="primary"
        icon={<ThunderboltOutlined />}
        onClick={() => {
          form.setFieldsValue({ year, quarter: currentQuarter() });
          setOpen(true);
        }}
        data-testid="meetings-propose"
      >
        {t('meetings.propose')}
      </Button>
      <Modal
        open={open}
        title={t('meetings.proposeTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={propose.isPending}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('meetings.proposeHint')}</Typography.Paragraph>
        <Form form={form} layout="inline">
          <Form.Item name="year" label={t('meetings.year')} rules={[{ required: true }]}>
            <Select options={yearOptions()} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="quarter" label={t('meetings.quarter')} rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('meetings.quarterN', { quarter: q }) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 党建联席会: the meetings by quarter per community, the resolution tasks, and the 急事难事 solved figure. */
export default function MeetingsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [sp, setSp] = useSearchParams();
  // Who works on resolution tasks without running meetings (a unit) opens on the tasks.
  const unitOnly = can('meetings.tasks') && !can('meetings.write');
  const tab = sp.get('tab') ?? (unitOnly ? 'tasks' : 'meetings');
  const year = Number(sp.get('year')) || dayjs(countyWallClock()).year();
  const setParam = (k: string, v: string | undefined) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set(k, v);
        else next.delete(k);
        if (k === 'tab') next.delete('page');
        return next;
      },
      { replace: true },
    );

  return (
    <ListPage
      title={t('meetings.title')}
      plain
      actions={
        <>
          <Select
            value={year}
            options={yearOptions()}
            onChange={(v) => setParam('year', String(v))}
            style={{ width: 100 }}
            aria-label={t('meetings.year')}
            data-testid="meetings-year"
          />
          {can('meetings.write') && <ProposeButton year={year} />}
        </>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {unitOnly ? t('meetings.myUnitHint') : t('meetings.subtitle')}
      </Typography.Paragraph>
      <SolvedFigures year={year} />
      <Card size="small" className="list-card">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParam('tab', k)}
          items={[
            { key: 'meetings', label: t('meetings.tabMeetings'), children: <MeetingMatrix year={year} /> },
            {
              key: 'tasks',
              label: unitOnly ? t('meetings.tabMyTasks') : t('meetings.tabTasks'),
              children: <MeetingTasksList year={year} />,
            },
          ]}
        />
      </Card>
    </ListPage>
  );
}
