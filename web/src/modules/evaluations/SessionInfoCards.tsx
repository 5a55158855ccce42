import { Button, Card, Input } from 'antd';
import { useI18n } from '../../i18n';

/** Who came and the minutes, typed beside the matters and saved together (or with the hold). */
export function SessionInfoCards({
  held,
  representatives,
  onRepresentatives,
  minutes,
  onMinutes,
  onSave,
  saving,
}: {
  held: boolean;
  representatives: string;
  onRepresentatives: (text: string) => void;
  minutes: string;
  onMinutes: (text: string) => void;
  onSave: () => void;
  saving: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Card size="small" title={t('evaluations.representatives')}>
        <Input.TextArea
          rows={3}
          value={representatives}
          disabled={held}
          onChange={(e) => onRepresentatives(e.target.value)}
          placeholder={t('evaluations.representativesHint')}
          data-testid="evaluation-representatives"
        />
      </Card>
      <Card size="small" title={t('evaluations.minutes')} style={{ marginTop: 12 }}>
        <Input.TextArea
          rows={8}
          value={minutes}
          disabled={held}
          onChange={(e) => onMinutes(e.target.value)}
          maxLength={20000}
          data-testid="evaluation-minutes"
        />
        {!held && (
          <Button style={{ marginTop: 8 }} onClick={onSave} loading={saving} data-testid="evaluation-save-info">
            {t('evaluations.saveInfo')}
          </Button>
        )}
      </Card>
    </>
  );
}
