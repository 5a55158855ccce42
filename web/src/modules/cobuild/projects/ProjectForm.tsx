import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ownOrgOf } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { OrgSelect } from '../../org/OrgSelect';
import { DOMAINS, type ProjectDetail, usePairedUnits, useProjects, useProjectWrites } from './api';
import { formValuesOf, projectFields, type ProjectFormValues } from './projectForm';

/** Create a project in a community's plan, or edit one (the plan fields: units, budget, dates, parent). */
export function ProjectForm({
  open,
  onClose,
  communityId,
  year,
  project,
}: {
  open: boolean;
  onClose: () => void;
  communityId?: string;
  year: number;
  project?: ProjectDetail;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const { create, update } = useProjectWrites();
  const [form] = Form.useForm<ProjectFormValues>();
  const ownCommunity = ownOrgOf(me, 'community_admin');
  const chosen = Form.useWatch('communityId', form) ?? project?.communityId ?? communityId;
  const units = usePairedUnits(chosen, project?.year ?? year);
  const parents = useProjects({ communityId: chosen, year: project?.year ?? year, topLevel: 'true', pageSize: 200 });
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.unitId, label: u.name }));
  const initial: Partial<ProjectFormValues> = project
    ? formValuesOf(project)
    : { communityId: ownCommunity ?? communityId, domain: 'old_estate_renovation' };

  const submit = async () => {
    const v = await form.validateFields();
    const fields = projectFields(v);
    try {
      if (project) {
        await update.mutateAsync({ id: project.id, version: project.version, ...fields });
        feedback.success(t('common.saved'));
        onClose();
      } else {
        const created = await create.mutateAsync({ communityId: v.communityId, year, ...fields });
        feedback.success(t('common.created'));
        onClose();
        navigate(`/cobuild/projects/${created.id}`);
      }
    } catch (err) {
      feedback.error(err);
    }
  };
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];

  return (
    <Modal
      open={open}
      title={project ? t('projects.editProject') : t('projects.newProject')}
      onCancel={onClose}
      width={640}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending || update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="project-form">
        <Form.Item name="communityId" label={t('projects.community')} rules={required(t('projects.community'))}>
          <OrgSelect kind="community" disabled={!!ownCommunity || !!project} />
        </Form.Item>
        <Form.Item name="name" label={t('projects.name')} rules={required(t('projects.name'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="domain" label={t('projects.domain')} rules={required(t('projects.domain'))}>
          <Select options={DOMAINS.map((d) => ({ value: d, label: t(`projects.domains.${d}`) }))} />
        </Form.Item>
        <Form.Item name="lead" label={t('projects.leadUnit')} rules={required(t('projects.leadUnit'))}>
          <Select
            options={unitOptions}
            loading={units.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="project-lead"
          />
        </Form.Item>
        <Form.Item name="partners" label={t('projects.partnerUnits')}>
          <Select mode="multiple" options={unitOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="dates" label={t('projects.dates')} rules={required(t('projects.dates'))}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="budget" label={t('projects.budget')}>
          <InputNumber min={0} step={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="parentId" label={t('projects.parent')}>
          <Select
            allowClear
            options={(parents.data?.items ?? [])
              .filter((p) => p.id !== project?.id)
              .map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="resources" label={t('projects.resources')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="description" label={t('projects.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
