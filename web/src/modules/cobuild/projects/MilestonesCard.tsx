import { countyWallClock } from '../../../ui/clock';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, type FormInstance, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { useIsMobile } from '../../../ui/useIsMobile';
import { type MilestoneView, type ProjectDetail, useProjectWrites } from './api';
import { MilestoneModal, type MilestoneValues } from './MilestoneModal';
import { milestoneColumns } from './milestoneColumns';

/** Mark done (today) or undo, add and remove a milestone, each with its toast. */
function useMilestoneWrites(project: ProjectDetail, form: FormInstance<MilestoneValues>, onAdded: () => void) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useProjectWrites();
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
      onAdded();
      feedback.success(t('common.created'));
    } catch (err) {
      feedback.error(err);
    }
  };
  return { writes, run, toggle, add };
}

/** The milestones of a project: mark done (today) or undo, add, remove; progress rolls up on the server. */
export function MilestonesCard({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<MilestoneValues>();
  const track = project.can.track;

  const { writes, run, toggle, add } = useMilestoneWrites(project, form, () => setAdding(false));

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
          columns={milestoneColumns({
            t,
            mobile,
            track,
            onToggle: (m) => void toggle(m),
            onDelete: (m) => void run(writes.deleteMilestone.mutateAsync({ id: project.id, milestoneId: m.id })),
          })}
        />
      )}
      <MilestoneModal
        project={project}
        form={form}
        open={adding}
        pending={writes.addMilestone.isPending}
        onCancel={() => setAdding(false)}
        onOk={() => void add().catch(() => undefined)}
      />
    </Card>
  );
}
