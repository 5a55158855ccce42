import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { addStrings, useI18n } from '../../../i18n';
import { Card, Spinner } from '../../../mobile/parts';
import { useToast } from '../../../mobile/Toast';
import { SKILLS, useApply, useCommunityGrids, useMyReports } from './api';
import memberReportsStrings from './i18n';

// The phone app's start-up strings leave out the member pages' (a resident never opens them): they come here.
addStrings(memberReportsStrings);

type Skill = (typeof SKILLS)[number];

/** 我要报到 on the phone: the grid inside my residence community, my skills, a note; then back to my certificate. */
export default function MApplyPage() {
  const { t } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const mine = useMyReports();
  const grids = useCommunityGrids(mine.data?.communityId ?? null);
  const apply = useApply();
  const [gridId, setGridId] = useState('');
  const [skills, setSkills] = useState<Skill[]>([]);
  const [note, setNote] = useState('');
  if (mine.isLoading) return <Spinner full />;
  const toggle = (s: Skill) => setSkills((xs) => (xs.includes(s) ? xs.filter((x) => x !== s) : [...xs, s]));
  const submit = async () => {
    try {
      await apply.mutateAsync({ gridId: gridId || null, skills, note: note.trim() || null });
      toast.show(t('memberReports.submitted'));
      navigate('/certificate');
    } catch (err) {
      toast.show(err instanceof Error ? err.message : String(err));
    }
  };
  const places = (grids.data?.items ?? []).filter((g) => g.level > 1);
  return (
    <div className="m-page" data-testid="m-apply">
      <Card title={t('memberReports.applyTitle')}>
        <p>{t('memberReports.applyIntro', { community: mine.data?.communityName ?? '' })}</p>
        <label className="m-field">
          <span>{t('memberReports.gridPick')}</span>
          <select
            className="m-textarea"
            value={gridId}
            onChange={(e) => setGridId(e.target.value)}
            data-testid="m-apply-grid"
          >
            <option value="">{t('memberReports.gridNone')}</option>
            {places.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="m-field" style={{ border: 0, padding: 0 }}>
          <span>{t('memberReports.skillsPick')}</span>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
            {SKILLS.map((s) => (
              <label key={s} style={{ display: 'flex', gap: 6, alignItems: 'center', minHeight: 32 }}>
                <input
                  type="checkbox"
                  checked={skills.includes(s)}
                  onChange={() => toggle(s)}
                  data-testid={`m-skill-${s}`}
                />
                {t(`memberReports.skillNames.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="m-field">
          <span>{t('memberReports.note')}</span>
          <textarea
            className="m-textarea"
            value={note}
            maxLength={500}
            placeholder={t('memberReports.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="m-btn m-btn-primary m-btn-block"
          disabled={apply.isPending}
          onClick={() => void submit()}
          data-testid="m-apply-submit"
        >
          {t('memberReports.submit')}
        </button>
      </Card>
    </div>
  );
}
