import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { runsCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatDateTime } from '../../../ui/format';
import { type PlanView, useProjectWrites } from './api';
import { yuan } from './parts';

/** How many projects, the budget, and when the plan was submitted and approved. */
function PlanFigures({ plan }: { plan: PlanView }) {
  const { t, language } = useI18n();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 4 }}
      style={{ flex: 1, minWidth: 260 }}
      items={[
        { key: 'count', label: t('projects.projectCount'), children: plan.projectCount },
        { key: 'budget', label: t('projects.totalBudget'), children: yuan(plan.budget, language) },
        { key: 'submitted', label: t('projects.submittedAt'), children: formatDateTime(plan.submittedAt) },
        { key: 'approved', label: t('projects.approvedAt'), children: formatDateTime(plan.approvedAt) },
      ]}
    />
  );
}

/** A plan's figures and its workflow: submit (the community), approve or return with a reason (the county). */
export function PlanBar({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const { can, me } = useSession();
  const feedback = useFeedback();
  const { planAction } = useProjectWrites();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const act = async (action: 'submit' | 'approve' | 'return') => {
    try {
      await planAction.mutateAsync({
        id: plan.id,
        action,
        version: plan.version,
        reason: action === 'return' ? reason : undefined,
      });
      setReturning(false);
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  const manages = can('projects.write') && runsCommunities(me);
  const approves = can('projects.approve');
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      {plan.status === 'draft' && plan.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('projects.returnedBecause', { reason: plan.returnReason })}
        />
      )}
      <Flex justify="space-between" wrap gap={8} align="center">
        <PlanFigures plan={plan} />
        <Space wrap>
          {manages && plan.status === 'draft' && (
            <Popconfirm title={t('projects.submitConfirm')} onConfirm={() => void act('submit')}>
              <Button type="primary" icon={<SendOutlined />} data-testid="plan-submit">
                {t('projects.submit')}
              </Button>
            </Popconfirm>
          )}
          {approves && plan.status === 'submitted' && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => void act('approve')}
              data-testid="plan-approve"
            >
              {t('projects.approve')}
            </Button>
          )}
          {approves && plan.status !== 'draft' && (
            <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="plan-return">
              {t('projects.return')}
            </Button>
          )}
        </Space>
      </Flex>
      <Modal
        open={returning}
        title={t('projects.return')}
        onCancel={() => setReturning(false)}
        onOk={() => void act('return')}
        okButtonProps={{ disabled: !reason.trim() }}
        confirmLoading={planAction.isPending}
        okText={t('projects.return')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('projects.returnReason')}
        />
      </Modal>
    </Card>
  );
}
