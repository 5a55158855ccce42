import { Alert, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { usePairedUnits, useUnitSearch } from './api';
import { CrossCommunityReason } from './CrossCommunityReason';
import { ChosenUnits, PairedUnitList, type UnitChoice, WhistleUnitList } from './WhistleUnits';

export interface WhistleValues {
  unitIds: string[];
  instructions?: string;
  /** Why units not paired with the case's community are called in (跨社区吹哨). */
  reason?: string;
}

interface Props {
  open: boolean;
  c: CaseDetail;
  busy: boolean;
  error: React.ReactNode;
  onCancel: () => void;
  onSubmit: (v: WhistleValues) => void;
}

/**
 * 吹哨: call one or more units in — the community's paired units first, others searched by name with their
 * strengths — with instructions; or keep it with the grid. A unit not paired with the community is 跨社区吹哨 and
 * needs a reason (the server refuses it without one).
 */
export function WhistleDialog({ open, c, busy, error, onCancel, onSubmit }: Props) {
  const { t } = useI18n();
  const w = useWhistleChoice(open, c.id, onSubmit);
  const units = w.mode === 'units';
  return (
    <Modal
      open={open}
      title={`${t('cases.whistleTitle')} · ${c.number}`}
      onCancel={onCancel}
      onOk={w.submit}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'whistle-submit' } as Record<`data-${string}`, string>}
    >
      <div data-testid="whistle-dialog">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <WhistleMode mode={w.mode} onMode={w.setMode} ownerName={c.ownerName} />
          {units && <PairedUnitList paired={w.paired} chosen={w.chosen} onToggle={w.toggle} />}
          {units && <UnitSearch value={w.typed} onChange={w.setTyped} />}
          {units && <WhistleUnitList units={w.units} pairedIds={w.pairedIds} chosen={w.chosen} onToggle={w.toggle} />}
          {units && w.chosen.size > 0 && <ChosenUnits chosen={w.chosen} onToggle={w.toggle} />}
          {w.missing === 'units' && <Alert type="warning" showIcon title={t('cases.chooseUnitsFirst')} />}
          {w.needsReason && (
            <CrossCommunityReason
              units={w.cross}
              value={w.reason}
              missing={w.missing === 'reason'}
              onChange={w.changeReason}
            />
          )}
          <Instructions value={w.instructions} onChange={w.setInstructions} />
          {error}
        </Space>
      </div>
    </Modal>
  );
}

type Mode = 'units' | 'grid';

/**
 * The dialog's choices, fresh each time it opens: units or the grid, the units chosen (paired, or found by a name
 * typed — asked 300 ms after typing stops), instructions, and the reason a unit from outside the pairing needs.
 */
function useWhistleChoice(open: boolean, caseId: string, onSubmit: (v: WhistleValues) => void) {
  const [mode, setMode] = useState<Mode>('units');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Map<string, UnitChoice>>(new Map());
  const [instructions, setInstructions] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<'units' | 'reason' | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  useEffect(() => {
    if (!open) return;
    setMode('units');
    setTyped('');
    setQ('');
    setChosen(new Map());
    setInstructions('');
    setReason('');
    setMissing(null);
  }, [open]);
  const units = useUnitSearch(q, open && mode === 'units');
  const paired = usePairedUnits(caseId, open);
  const pairedIds = new Set((paired.data ?? []).map((u) => u.id));
  const cross = [...chosen.values()].filter((u) => !pairedIds.has(u.id));
  const needsReason = mode === 'units' && paired.isSuccess && cross.length > 0;

  const toggle = (u: UnitChoice, on: boolean) => {
    setMissing(null);
    setChosen((prev) => {
      const next = new Map(prev);
      if (on) next.set(u.id, { id: u.id, name: u.name });
      else next.delete(u.id);
      return next;
    });
  };
  const changeReason = (v: string) => {
    setReason(v);
    setMissing(null);
  };
  const submit = () => {
    if (mode === 'units' && chosen.size === 0) return setMissing('units');
    if (needsReason && !reason.trim()) return setMissing('reason');
    onSubmit({
      unitIds: mode === 'units' ? [...chosen.keys()] : [],
      instructions: instructions.trim() || undefined,
      reason: needsReason ? reason.trim() : undefined,
    });
  };
  return {
    mode,
    setMode,
    typed,
    setTyped,
    chosen,
    toggle,
    instructions,
    setInstructions,
    reason,
    changeReason,
    missing,
    units,
    paired,
    pairedIds,
    cross,
    needsReason,
    submit,
  };
}

function WhistleMode({ mode, onMode, ownerName }: { mode: Mode; onMode: (m: Mode) => void; ownerName: string | null }) {
  const { t } = useI18n();
  return (
    <Radio.Group value={mode} onChange={(e) => onMode(e.target.value as Mode)}>
      <Space orientation="vertical">
        <Radio value="units" data-testid="whistle-mode-units">
          {t('cases.whistleUnits')}
        </Radio>
        <Radio value="grid" data-testid="whistle-mode-grid">
          {t('cases.keepWithGrid')}
          {ownerName ? `（${ownerName}）` : ''}
        </Radio>
      </Space>
    </Radio.Group>
  );
}

function UnitSearch({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <Input.Search
      allowClear
      placeholder={t('cases.unitSearch')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid="whistle-unit-search"
    />
  );
}

function Instructions({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Text>{t('cases.instructions')}</Typography.Text>
      <Input.TextArea
        rows={2}
        maxLength={500}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('cases.instructionsPlaceholder')}
        data-testid="whistle-instructions"
        style={{ marginTop: 4 }}
      />
    </div>
  );
}
