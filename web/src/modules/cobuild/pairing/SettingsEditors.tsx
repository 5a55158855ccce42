import { Col, Divider, Input, InputNumber, Row, Select, Slider, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { type Defaults, type ResolvedSettings, STRENGTH_TAGS } from './api';

export type Weights = ResolvedSettings['weights'];
export type Bounds = ResolvedSettings['bounds'];
export type Needs = Record<string, Partial<Record<string, number>>>;

export function WeightsEditor({ weights, onChange }: { weights: Weights; onChange: (w: Weights) => void }) {
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

export function BoundsEditor({
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
export function NeedsEditor({
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
