import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n';
import { countyWallClock } from '../../../ui/clock';
import { useFeedback } from '../../../ui/feedback';
import { type NeedTaskView, useNeedWrites } from './api';

/** Turn a follow-up task into a co-building project: its name (the need's title) and period (today to the year's end). */
export function ToProjectModal({ task, onClose }: { task: NeedTaskView | null; onClose: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { toProject } = useNeedWrites();
  const [form] = Form.useForm<{ name: string; period: [Dayjs, Dayjs] }>();
  const submit = async () => {
    if (!task) return;
    const v = await form.validateFields();
    try {
      await toProject.mutateAsync({
        id: task.id,
        name: v.name,
        startOn: v.period[0].format('YYYY-MM-DD'),
        endOn: v.period[1].format('YYYY-MM-DD'),
      });
      feedback.success(t('needs.task.made'));
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={!!task}
      title={t('needs.task.toProjectTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={toProject.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      afterOpenChange={(o) =>
        o &&
        task &&
        form.setFieldsValue({
          name: task.needTitle,
          period: [dayjs(countyWallClock()), dayjs(countyWallClock()).endOf('year')],
        })
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('needs.task.projectName')}
          rules={[{ required: true, message: t('errors.required', { field: t('needs.task.projectName') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="period"
          label={`${t('needs.task.startOn')} ~ ${t('needs.task.endOn')}`}
          rules={[{ required: true, message: t('errors.required', { field: t('needs.task.startOn') }) }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
