import { Button, Divider, Drawer, Input, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { LoadError, Loading } from '../../../ui/states';
import {
  type Defaults,
  type PairRef,
  type PlanDetail,
  type ResolvedSettings,
  useDefaults,
  usePairingWrites,
} from './api';
import { PairList } from './PairList';
import { BoundsEditor, type Bounds, type Needs, NeedsEditor, type Weights, WeightsEditor } from './SettingsEditors';
import { useElapsed } from './useElapsed';

/** The settings being edited, and `reset`: refill from the plan being re-run, else from the year's defaults. */
function useSettingsState(year: number, open: boolean, rerun: PlanDetail | undefined, defaults: Defaults | undefined) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [weights, setWeights] = useState<Weights>({ distance: 0.5, complement: 0.5, balance: 0 });
  const [k, setK] = useState(1);
  const [bounds, setBounds] = useState<Bounds>({ minUnits: 0, maxUnits: 0, minMembers: 0, maxMembers: 0 });
  const [pins, setPins] = useState<PairRef[]>([]);
  const [forbids, setForbids] = useState<PairRef[]>([]);
  const [needs, setNeeds] = useState<Needs>({});
  const reset = () => {
    const s = rerun?.settings ?? defaults?.settings;
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
  useEffect(() => reset(), [defaults, rerun, open]);
  return {
    name,
    setName,
    weights,
    setWeights,
    k,
    setK,
    bounds,
    setBounds,
    pins,
    setPins,
    forbids,
    setForbids,
    needs,
    setNeeds,
    reset,
  };
}

/** The drawer's editors, bound to the settings state; `named`: a new plan, so its name can be typed. */
function SettingsFields({
  form,
  defaults: d,
  named,
}: {
  form: ReturnType<typeof useSettingsState>;
  defaults: Defaults;
  named: boolean;
}) {
  const { t } = useI18n();
  const { name, setName, weights, setWeights, k, setK, bounds, setBounds } = form;
  const { pins, setPins, forbids, setForbids, needs, setNeeds } = form;
  return (
    <>
      {named && (
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
      <PairList value={pins} onChange={setPins} defaults={d} addLabel={t('pairing.settings.addPin')} testId="pins" />
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
  const form = useSettingsState(year, open, rerun, defaults.data);
  const { name, weights, k, bounds, pins, forbids, needs, reset } = form;
  const pending = writes.run.isPending || writes.rerun.isPending;
  const elapsed = useElapsed(pending);

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
            <SettingsFields form={form} defaults={d} named={!rerun} />
          </Spin>
        )
      )}
    </Drawer>
  );
}
