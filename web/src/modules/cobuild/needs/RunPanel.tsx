import { Alert, Button, Card, DatePicker, Form, InputNumber, Progress, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { OrgSelect } from '../../org/OrgSelect';
import { type RunView, useNeedWrites } from './api';

interface Values {
  maxDistanceKm: number;
  k: number;
  on?: Dayjs;
  minPriority: number;
  solver: 'flow' | 'highs';
  communityId?: string;
}

/** The parameters of a matching run, the run button and a progress indicator while the server solves. */
export function RunPanel({ countyWide, onDone }: { countyWide: boolean; onDone: (run: RunView) => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { run } = useNeedWrites();
  const [form] = Form.useForm<Values>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await run.mutateAsync({
        maxDistanceKm: v.maxDistanceKm,
        k: v.k,
        minPriority: v.minPriority,
        solver: v.solver,
        ...(v.on ? { on: v.on.format('YYYY-MM-DD') } : {}),
        ...(v.communityId ? { communityId: v.communityId } : {}),
      });
      feedback.success(t('needs.run.done', { matches: r.stats?.matches ?? 0 }));
      onDone(r);
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Card size="small" title={t('needs.run.title')}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ maxDistanceKm: 3, k: 20, minPriority: 1, solver: 'flow' }}
        data-testid="run-form"
        style={{ rowGap: 8 }}
      >
        {countyWide && (
          <Form.Item name="communityId" label={t('needs.run.community')}>
            <OrgSelect kind="community" placeholder={t('needs.run.countyWide')} style={{ width: 150 }} />
          </Form.Item>
        )}
        <Form.Item name="maxDistanceKm" label={t('needs.run.maxDistanceKm')}>
          <InputNumber min={0.1} max={30} step={0.5} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="k" label={t('needs.run.k')}>
          <InputNumber min={1} max={100} style={{ width: 70 }} />
        </Form.Item>
        <Form.Item name="minPriority" label={t('needs.run.minPriority')}>
          <Select
            style={{ width: 100 }}
            options={[1, 2, 3, 4, 5].map((p) => ({
              value: p,
              label: t(`needs.priorities.p${p}` as 'needs.priorities.p1'),
            }))}
          />
        </Form.Item>
        <Form.Item name="on" label={t('needs.run.on')}>
          <DatePicker style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="solver" label={t('needs.run.solver')}>
          <Select
            style={{ width: 230 }}
            options={(['flow', 'highs'] as const).map((s) => ({ value: s, label: t(`needs.run.solvers.${s}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            loading={run.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="run-start"
          >
            {t('needs.run.start')}
          </Button>
        </Form.Item>
      </Form>
      {run.isPending && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t('needs.run.running')}
          description={<Progress percent={100} status="active" showInfo={false} data-testid="run-progress" />}
        />
      )}
    </Card>
  );
}
