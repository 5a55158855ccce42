import { countyWallClock } from '../../../ui/clock';
import { CheckOutlined, DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { useIsMobile } from '../../../ui/useIsMobile';
import { type MilestoneView, type ProjectDetail, useProjectWrites } from './api';

/** The milestones of a project: mark done (today) or undo, add, remove; progress rolls up on the server. */
export function MilestonesCard({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const mobile = useIsMobile();
  const writes = useProjectWrites();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ title: string; dueOn: Dayjs; weight: number; note?: string }>();
  const track = project.can.track;

  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const toggle = (m: MilestoneView) =>
    run(
      writes.updateMilestone.mutateAsync({
        id: project.id,
        milestoneId: m.id,
        version: m.version,
        doneOn: m.doneOn ? null : dayjs(countyWallClock()).format('YYYY-MM-DD'),
      }),
    );
  const add = async () => {
    const v = await form.validateFields();
    try {
      await writes.addMilestone.mutateAsync({
        id: project.id,
        title: v.title,
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        weight: v.weight,
        note: v.note || null,
      });
      setAdding(false);
      feedback.success(t('common.created'));
    } catch (err) {
      feedback.error(err);
    }
  };

  return (
    <Card
      size="small"
      title={t('projects.milestones')}
      data-testid="milestones-card"
      extra={
        track && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              setAdding(true);
            }}
            data-testid="milestone-add"
          >
            {t('projects.addMilestone')}
          </Button>
        )
      }
    >
      {project.milestones.length === 0 ? (
        <Typography.Text type="secondary">{t('projects.noMilestones')}</Typography.Text>
      ) : (
        <Table<MilestoneView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={project.milestones}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'title',
              title: t('projects.milestone'),
              render: (_, m) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text delete={false} strong={!m.doneOn}>
                    {m.title}
                  </Typography.Text>
                  {m.note && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.note}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              key: 'due',
              title: t('projects.dueOn'),
              render: (_, m) => (
                <>
                  {m.dueOn} {m.overdue && <Tag color="red">{t('projects.overdue')}</Tag>}
                </>
              ),
            },
            {
              key: 'weight',
              title: t('projects.weight'),
              align: 'right',
              responsive: ['md'],
              render: (_, m) => m.weight,
            },
            {
              key: 'done',
              title: t('projects.doneOn'),
              render: (_, m) => (m.doneOn ? <Tag color="success">{m.doneOn}</Tag> : '—'),
            },
            ...(track
              ? [
                  {
                    key: 'actions',
                    title: '',
                    render: (_: unknown, m: MilestoneView) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          icon={m.doneOn ? <UndoOutlined /> : <CheckOutlined />}
                          onClick={() => void toggle(m)}
                          data-testid={`milestone-toggle-${m.id}`}
                        >
                          {mobile ? null : m.doneOn ? t('projects.reopen') : t('projects.markDone')}
                        </Button>
                        <Popconfirm
                          title={t('projects.milestoneDeleteConfirm')}
                          onConfirm={() =>
                            void run(writes.deleteMilestone.mutateAsync({ id: project.id, milestoneId: m.id }))
                          }
                        >
                          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={adding}
        title={t('projects.addMilestone')}
        onCancel={() => setAdding(false)}
        onOk={() => void add().catch(() => undefined)}
        confirmLoading={writes.addMilestone.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ weight: 1 }}>
          <Form.Item
            name="title"
            label={t('projects.milestone')}
            rules={[{ required: true, message: t('errors.required', { field: t('projects.milestone') }) }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="dueOn"
            label={t('projects.dueOn')}
            extra={`${project.startOn} ~ ${project.endOn}`}
            rules={[{ required: true, message: t('errors.required', { field: t('projects.dueOn') }) }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="weight" label={t('projects.weight')}>
            <InputNumber min={1} max={100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('projects.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
