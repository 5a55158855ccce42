import { Button, Col, Divider, Drawer, Input, InputNumber, Row, Select, Slider, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { LoadError, Loading } from '../../../ui/states';
import {
  type Defaults,
  type PairRef,
  type PlanDetail,
  type ResolvedSettings,
  STRENGTH_TAGS,
  useDefaults,
  usePairingWrites,
} from './api';

type Weights = ResolvedSettings['weights'];
type Bounds = ResolvedSettings['bounds'];

function useElapsed(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) {
      setSeconds(0);
      return;
    }
    // Elapsed time, not business time: the monotonic clock.
    const started = performance.now();
    const id = setInterval(() => setSeconds(Math.floor((performance.now() - started) / 1000)), 250);
    return () => clearInterval(id);
  }, [active]);
  return seconds;
}

function PairList({
  value,
  onChange,
  defaults,
  addLabel,
  testId,
}: {
  value: PairRef[];
  onChange: (v: PairRef[]) => void;
  defaults: Defaults;
  addLabel: string;
  testId: string;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<PairRef>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div data-testid={testId}>
      {value.map((p, i) => (
        <Space.Compact key={i} style={{ width: '100%', marginBottom: 4 }}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: '55%' }}
            placeholder={t('pairing.settings.unit')}
            value={p.unitId || undefined}
            options={defaults.units.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(unitId: string) => set(i, { unitId })}
          />
          <Select
            style={{ width: '35%' }}
            placeholder={t('pairing.settings.community')}
            value={p.communityId || undefined}
            options={defaults.communities.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(communityId: string) => set(i, { communityId })}
          />
          <Button style={{ width: '10%' }} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ×
          </Button>
        </Space.Compact>
      ))}
      <Button size="small" onClick={() => onChange([...value, { unitId: '', communityId: '' }])}>
        {addLabel}
      </Button>
    </div>
  );
}

type Needs = Record<string, Partial<Record<string, number>>>;

function WeightsEditor({ weights, onChange }: { weights: Weights; onChange: (w: Weights) => void }) {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('pairing.settings.weights')}
      </Divider>
      {(['distance', 'complement', 'balance'] as const).map((key) => (
        <Row key={key} gutter={8} align="middle">
          <Col span={24}>
            <Typography.Text>{t(`pairing.principles.${key}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`pairing.settings.weightHelp.${key}`)}
            </Typography.Text>
          </Col>
          <Col flex="auto">
            <Slider
              min={0}
              max={1}
              step={0.05}
              value={weights[key]}
              onChange={(v: number) => onChange({ ...weights, [key]: v })}
            />
          </Col>
          <Col>
            <InputNumber
              min={0}
              max={1}
              step={0.05}
              value={weights[key]}
              onChange={(v) => onChange({ ...weights, [key]: v ?? 0 })}
              style={{ width: 80 }}
              data-testid={`weight-${key}`}
            />
          </Col>
        </Row>
      ))}
    </>
  );
}

function BoundsEditor({
  k,
  bounds,
  onK,
  onBounds,
}: {
  k: number;
  bounds: Bounds;
  onK: (k: number) => void;
  onBounds: (b: Bounds) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('pairing.settings.bounds')}
      </Divider>
      <div>{t('pairing.settings.k')}</div>
      <InputNumber min={1} max={20} value={k} onChange={(v) => onK(v ?? 1)} style={{ width: 120, marginBottom: 8 }} />
      <Row gutter={[8, 8]}>
        {(['minUnits', 'maxUnits', 'minMembers', 'maxMembers'] as const).map((key) => (
          <Col xs={12} key={key}>
            <div>{t(`pairing.settings.${key}`)}</div>
            <InputNumber
              min={0}
              value={bounds[key]}
              onChange={(v) => onBounds({ ...bounds, [key]: v ?? 0 })}
              style={{ width: '100%' }}
              data-testid={`bound-${key}`}
            />
          </Col>
        ))}
      </Row>
    </>
  );
}

/** One community's needs profile at a time: a weight per strength tag. */
function NeedsEditor({
  defaults,
  needs,
  onChange,
}: {
  defaults: Defaults;
  needs: Needs;
  onChange: (n: Needs) => void;
}) {
  const { t, label } = useI18n();
  const [community, setCommunity] = useState(defaults.communities[0]?.id);
  const profile = community ? (needs[community] ?? {}) : {};
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('pairing.settings.needs')}
      </Divider>
      <Typography.Text type="secondary">
        {t('pairing.settings.casesCounted', { count: defaults.casesCounted })}
      </Typography.Text>
      <Select
        style={{ width: '100%', margin: '6px 0' }}
        value={community}
        onChange={setCommunity}
        options={defaults.communities.map((c) => ({ value: c.id, label: c.name }))}
      />
      <Row gutter={[8, 6]}>
        {STRENGTH_TAGS.map((tag) => (
          <Col xs={12} key={tag}>
            <Space.Compact style={{ width: '100%' }}>
              <Input readOnly value={label('strength', tag)} style={{ width: '55%' }} />
              <InputNumber
                min={0}
                max={1_000_000}
                value={profile[tag] ?? 0}
                style={{ width: '45%' }}
                onChange={(v) => community && onChange({ ...needs, [community]: { ...profile, [tag]: v ?? 0 } })}
              />
            </Space.Compact>
          </Col>
        ))}
      </Row>
    </>
  );
}

/**
 * The optimiser's settings (weights, k, bounds, pins and forbids, needs profiles), prefilled from the defaults or
 * from the plan being re-run; running shows the elapsed time while the server solves.
 */
export function SettingsDrawer({
  year,
  open,
  onClose,
  rerun,
  onDone,
}: {
  year: number;
  open: boolean;
  onClose: () => void;
  rerun?: PlanDetail;
  onDone: (plan: PlanDetail) => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const defaults = useDefaults(year, open);
  const writes = usePairingWrites();
  const [name, setName] = useState('');
  const [weights, setWeights] = useState<Weights>({ distance: 0.5, complement: 0.5, balance: 0 });
  const [k, setK] = useState(1);
  const [bounds, setBounds] = useState<Bounds>({ minUnits: 0, maxUnits: 0, minMembers: 0, maxMembers: 0 });
  const [pins, setPins] = useState<PairRef[]>([]);
  const [forbids, setForbids] = useState<PairRef[]>([]);
  const [needs, setNeeds] = useState<Needs>({});
  const pending = writes.run.isPending || writes.rerun.isPending;
  const elapsed = useElapsed(pending);

  const reset = () => {
    const s = rerun?.settings ?? defaults.data?.settings;
    if (!s) return;
    setWeights(s.weights);
    setK(s.k);
    setBounds(s.bounds);
    setPins(s.pins);
    setForbids(s.forbids);
    setNeeds(s.needs);
    setName(rerun?.name ?? t('pairing.defaultName', { year }));
  };
  // Refill when the drawer opens or the defaults / the plan being re-run arrive (not on every keystroke).
  useEffect(() => reset(), [defaults.data, rerun, open]);

  const submit = async () => {
    const complete = (l: PairRef[]) => l.filter((p) => p.unitId && p.communityId);
    const settings = {
      k,
      weights,
      bounds,
      pins: complete(pins),
      forbids: complete(forbids),
      needs: needs as ResolvedSettings['needs'],
    };
    try {
      const plan = rerun
        ? await writes.rerun.mutateAsync({ id: rerun.id, settings, version: rerun.version })
        : await writes.run.mutateAsync({ year, name: name.trim() || undefined, settings });
      feedback.success(
        t('pairing.ran', {
          ms: plan.solve?.ms ?? 0,
          status: plan.solve ? t(`pairing.solveStatus.${plan.solve.status}`) : '',
        }),
      );
      onDone(plan);
    } catch (err) {
      feedback.error(err);
    }
  };

  const d = defaults.data;
  return (
    <Drawer
      open={open}
      onClose={pending ? undefined : onClose}
      title={t('pairing.settings.title')}
      width={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={reset} disabled={pending}>
            {t('pairing.settings.reset')}
          </Button>
          <Button type="primary" onClick={() => void submit()} loading={pending} data-testid="run-optimiser">
            {rerun ? t('pairing.rerun') : t('pairing.run')}
          </Button>
        </Space>
      }
    >
      {defaults.isLoading ? (
        <Loading />
      ) : defaults.isError ? (
        <LoadError error={defaults.error} onRetry={() => void defaults.refetch()} />
      ) : (
        d && (
          <Spin spinning={pending} tip={t('pairing.running', { seconds: elapsed })}>
            {!rerun && (
              <>
                <div>{t('pairing.settings.name')}</div>
                <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
              </>
            )}
            <WeightsEditor weights={weights} onChange={setWeights} />
            <BoundsEditor k={k} bounds={bounds} onK={setK} onBounds={setBounds} />
            <Divider titlePlacement="start" plain>
              {t('pairing.settings.pins')}
            </Divider>
            <PairList
              value={pins}
              onChange={setPins}
              defaults={d}
              addLabel={t('pairing.settings.addPin')}
              testId="pins"
            />
            <Divider titlePlacement="start" plain>
              {t('pairing.settings.forbids')}
            </Divider>
            <PairList
              value={forbids}
              onChange={setForbids}
              defaults={d}
              addLabel={t('pairing.settings.addForbid')}
              testId="forbids"
            />
            <NeedsEditor defaults={d} needs={needs} onChange={setNeeds} />
          </Spin>
        )
      )}
    </Drawer>
  );
}
