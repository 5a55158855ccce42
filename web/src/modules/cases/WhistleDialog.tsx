import { Alert, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseDetail, OrganisationView } from '../../api/contracts';
import { useI18n } from '../../i18n';
import { useUnitSearch } from './api';
import { ChosenUnits, WhistleUnitList } from './WhistleUnits';

export interface WhistleValues {
  unitIds: string[];
  instructions?: string;
}

interface Props {
  open: boolean;
  c: CaseDetail;
  busy: boolean;
  error: React.ReactNode;
  onCancel: () => void;
  onSubmit: (v: WhistleValues) => void;
}

/** 吹哨: call one or more units in (searched by name, with their strengths), with instructions; or keep it with the grid. */
export function WhistleDialog({ open, c, busy, error, onCancel, onSubmit }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'units' | 'grid'>('units');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Map<string, OrganisationView>>(new Map());
  const [instructions, setInstructions] = useState('');
  const [missing, setMissing] = useState(false);
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
    setMissing(false);
  }, [open]);
  const units = useUnitSearch(q, open && mode === 'units');

  const toggle = (u: OrganisationView, on: boolean) => {
    setMissing(false);
    setChosen((prev) => {
      const next = new Map(prev);
      if (on) next.set(u.id, u);
      else next.delete(u.id);
      return next;
    });
  };
  const submit = () => {
    if (mode === 'units' && chosen.size === 0) {
      setMissing(true);
      return;
    }
    onSubmit({ unitIds: mode === 'units' ? [...chosen.keys()] : [], instructions: instructions.trim() || undefined });
  };

  return (
    <Modal
      open={open}
      title={`${t('cases.whistleTitle')} · ${c.number}`}
      onCancel={onCancel}
      onOk={submit}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'whistle-submit' } as Record<`data-${string}`, string>}
    >
      <div data-testid="whistle-dialog">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'units' | 'grid')}>
            <Space orientation="vertical">
              <Radio value="units" data-testid="whistle-mode-units">
                {t('cases.whistleUnits')}
              </Radio>
              <Radio value="grid" data-testid="whistle-mode-grid">
                {t('cases.keepWithGrid')}
                {c.ownerName ? `（${c.ownerName}）` : ''}
              </Radio>
            </Space>
          </Radio.Group>
          {mode === 'units' && (
            <>
              <Input.Search
                allowClear
                placeholder={t('cases.unitSearch')}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                data-testid="whistle-unit-search"
              />
              <WhistleUnitList units={units} chosen={chosen} onToggle={toggle} />
              {chosen.size > 0 && <ChosenUnits chosen={chosen} onToggle={toggle} />}
              {missing && <Alert type="warning" showIcon title={t('cases.chooseUnitsFirst')} />}
            </>
          )}
          <div>
            <Typography.Text>{t('cases.instructions')}</Typography.Text>
            <Input.TextArea
              rows={2}
              maxLength={500}
              value={instructions}
              onChange={(e) => setInstructions(e.target.value)}
              placeholder={t('cases.instructionsPlaceholder')}
              data-testid="whistle-instructions"
              style={{ marginTop: 4 }}
            />
          </div>
          {error}
        </Space>
      </div>
    </Modal>
  );
}
