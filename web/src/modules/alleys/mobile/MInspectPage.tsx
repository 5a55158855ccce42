import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ITEM_STATUSES, type ItemStatus, SIX_HAVES, type SixHave } from '../../../api/contracts';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { useToast } from '../../../mobile/Toast';
import { useAlleyWrites, useRegion } from '../api';
import alleysStrings from '../i18n';
import { draftScore, emptyDraft, type InspectionDraft, inspectionBody } from '../logic';
import { STATUS_CHIP } from './MMyAlleysPage';

addStrings(alleysStrings);

type Finding = InspectionDraft[SixHave];

/** One of the six: its standing status, the three choices, and a note once it is not present. */
function ItemCard(props: {
  item: SixHave;
  current: ItemStatus | undefined;
  value: Finding;
  onChange: (change: Partial<Finding>) => void;
}) {
  const { t } = useI18n();
  const { item, current, value, onChange } = props;
  return (
    <Card
      title={t(`sixHave.${item}`)}
      extra={current ? <span className={STATUS_CHIP[current]}>{t(`sixHaveStatus.${current}`)}</span> : null}
      testId={`m-inspect-${item}`}
    >
      <div className="m-row">
        {ITEM_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`m-btn m-btn-small${value.status === s ? ' m-btn-primary' : ''}`}
            aria-pressed={value.status === s}
            onClick={() => onChange({ status: s })}
            data-testid={`m-inspect-${item}-${s}`}
          >
            {t(`sixHaveStatus.${s}`)}
          </button>
        ))}
      </div>
      {value.status && value.status !== 'present' ? (
        <textarea
          className="m-textarea"
          style={{ marginTop: 8 }}
          maxLength={500}
          value={value.note}
          placeholder={t('alleys.itemNote')}
          aria-label={t('alleys.itemNote')}
          onChange={(e) => onChange({ note: e.target.value })}
        />
      ) : null}
    </Card>
  );
}

/** 巡查: each of the six items present / needs work / missing with an optional note; the score as it will be counted. */
export default function MInspectPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const region = useRegion(id);
  const { inspect } = useAlleyWrites();
  const [draft, setDraft] = useState<InspectionDraft>(emptyDraft);
  const [note, setNote] = useState('');
  if (region.isPending) return <Spinner full />;
  if (!region.data) return <div className="m-page">{t('alleys.noRegions')}</div>;
  const r = region.data;
  const score = draftScore(draft);
  const set = (item: SixHave, change: Partial<Finding>) =>
    setDraft((d) => ({ ...d, [item]: { ...d[item], ...change } }));
  const submit = async () => {
    const body = inspectionBody(draft, note);
    if (!body || !id) return toast.show(t('alleys.pick'), 'error');
    try {
      const made = await inspect.mutateAsync({ id, body });
      toast.show(t('alleys.submitted', { score: made.score }), 'success');
      navigate('/alleys');
    } catch (err) {
      toast.error(err);
    }
  };
  return (
    <div className="m-page" data-testid="m-inspect">
      <Card title={t('alleys.inspectTitle', { name: r.name })}>
        <p className="m-muted" style={{ margin: 0 }}>
          {t('alleys.scoreRule')}
        </p>
      </Card>
      {SIX_HAVES.map((item) => (
        <ItemCard
          key={item}
          item={item}
          current={r.items.find((i) => i.item === item)?.status}
          value={draft[item]}
          onChange={(change) => set(item, change)}
        />
      ))}
      <Card>
        <textarea
          className="m-textarea"
          maxLength={1000}
          value={note}
          placeholder={t('alleys.overallNote')}
          aria-label={t('alleys.overallNote')}
          onChange={(e) => setNote(e.target.value)}
        />
        <p style={{ margin: '8px 0 0' }} data-testid="m-inspect-score">
          {score === null ? t('alleys.pick') : t('alleys.scorePreview', { score })}
        </p>
        <button
          type="button"
          className="m-btn m-btn-primary m-btn-block"
          disabled={score === null || inspect.isPending}
          onClick={() => void submit()}
          data-testid="m-inspect-submit"
        >
          {t('alleys.submit')}
        </button>
      </Card>
    </div>
  );
}
