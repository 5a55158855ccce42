import { CheckOutlined, DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType, Tag, Typography } from 'antd';
import type { useI18n } from '../../../i18n';
import type { MilestoneView } from './api';

type Translate = ReturnType<typeof useI18n>['t'];

/** The milestones table's columns; with `track`, a last column to mark done or undo (icon only on a phone) and delete. */
export function milestoneColumns({
  t,
  mobile,
  track,
  onToggle,
  onDelete,
}: {
  t: Translate;
  mobile: boolean;
  track: boolean;
  onToggle: (m: MilestoneView) => void;
  onDelete: (m: MilestoneView) => void;
}): TableColumnsType<MilestoneView> {
  return [
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
                  onClick={() => onToggle(m)}
                  data-testid={`milestone-toggle-${m.id}`}
                >
                  {mobile ? null : m.doneOn ? t('projects.reopen') : t('projects.markDone')}
                </Button>
                <Popconfirm title={t('projects.milestoneDeleteConfirm')} onConfirm={() => onDelete(m)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
}
