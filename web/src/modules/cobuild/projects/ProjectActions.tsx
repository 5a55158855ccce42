import { DeleteOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type ProjectDetail, useProjectWrites } from './api';
import { ProjectForm } from './ProjectForm';

/** What may be done to a project, as its `can` says: edit, cancel with a reason, delete while the plan is a draft. */
export function ProjectActions({ project: p }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const { cancel, remove } = useProjectWrites();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const doCancel = async () => {
    try {
      await cancel.mutateAsync({ id: p.id, version: p.version, reason });
      setCancelling(false);
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const doDelete = async () => {
    try {
      await remove.mutateAsync(p.id);
      navigate('/cobuild/projects');
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Space wrap>
      {p.can.editPlanFields && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
          {t('projects.editProject')}
        </Button>
      )}
      {p.can.cancel && (
        <Button icon={<StopOutlined />} onClick={() => setCancelling(true)} data-testid="project-cancel">
          {t('projects.cancelProject')}
        </Button>
      )}
      {p.can.editPlanFields && p.planStatus === 'draft' && (
        <Popconfirm title={t('projects.deleteConfirm')} onConfirm={() => void doDelete()}>
          <Button danger icon={<DeleteOutlined />}>
            {t('projects.deleteProject')}
          </Button>
        </Popconfirm>
      )}
      {editing && <ProjectForm open onClose={() => setEditing(false)} year={p.year} project={p} />}
      <Modal
        open={cancelling}
        title={t('projects.cancelProject')}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onOk={() => void doCancel()}
        confirmLoading={cancel.isPending}
        okText={t('projects.cancelProject')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('projects.cancelConfirm')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('projects.cancelReason')}
        />
      </Modal>
    </Space>
  );
}
