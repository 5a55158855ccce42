import { Alert, Input, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { UnitChoice } from './WhistleUnits';

interface Props {
  /** The chosen units not paired with the case's community. */
  units: UnitChoice[];
  value: string;
  missing: boolean;
  onChange: (v: string) => void;
}

/** 跨社区吹哨: which chosen units are not paired with the community, and the reason it needs. */
export function CrossCommunityReason({ units, value, missing, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div data-testid="whistle-cross">
      <Alert
        type="warning"
        showIcon
        title={t('whistleRules.crossWarning', { names: units.map((u) => u.name).join('、') })}
        style={{ marginBottom: 8 }}
      />
      <Typography.Text>{t('whistleRules.crossReason')}</Typography.Text>
      <Input.TextArea
        rows={2}
        maxLength={500}
        value={value}
        status={missing ? 'error' : undefined}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('whistleRules.crossReasonPlaceholder')}
        data-testid="whistle-reason"
        style={{ marginTop: 4 }}
      />
      {missing && <Typography.Text type="danger">{t('whistleRules.crossReasonRequired')}</Typography.Text>}
    </div>
  );
}
