import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { Card } from '../../../mobile/parts';
import { useToast } from '../../../mobile/Toast';
import { useRegister, useTeams } from './api';

const PRESETS = ['patrol', 'civility', 'cleanup', 'elderly', 'tutoring', 'health', 'arts', 'traffic'] as const;

/** Registration as a volunteer (POST /api/volunteers/me): skills (presets or typed), when one can serve, a team. */
export function MRegisterForm() {
  const { t } = useI18n();
  const toast = useToast();
  const register = useRegister();
  const teams = useTeams(true);
  const [skills, setSkills] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [availability, setAvailability] = useState('');
  const [teamId, setTeamId] = useState('');
  const toggle = (s: string) => setSkills((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));
  const addTyped = () => {
    const s = typed.trim().slice(0, 30);
    if (s && !skills.includes(s)) setSkills([...skills, s]);
    setTyped('');
  };
  const presetLabels = PRESETS.map((k) => t(`volunteerPhone.skillPresets.${k}`));
  const submit = () =>
    register.mutate(
      { skills, availability: availability.trim() || null, ...(teamId ? { teamId } : {}) },
      { onSuccess: () => toast.show(t('volunteerPhone.registered'), 'success') },
    );
  return (
    <Card title={t('volunteerPhone.registerTitle')} testId="v-register">
      <p className="m-muted" style={{ margin: 0 }}>
        {t('volunteerPhone.registerIntro')}
      </p>
      <div className="m-field">
        <span>
          {t('volunteerPhone.skills')} · {t('volunteerPhone.skillsHint')}
        </span>
        <div className="v-skills">
          {[...presetLabels, ...skills.filter((s) => !presetLabels.includes(s))].map((s) => (
            <button
              key={s}
              type="button"
              className={skills.includes(s) ? 'v-skill on' : 'v-skill'}
              aria-pressed={skills.includes(s)}
              onClick={() => toggle(s)}
              data-testid="v-skill"
            >
              {s}
            </button>
          ))}
        </div>
        <div className="m-row" style={{ marginTop: 6, flexWrap: 'nowrap' }}>
          <input
            className="v-select"
            value={typed}
            maxLength={30}
            placeholder={t('volunteerPhone.skillPlaceholder')}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTyped();
              }
            }}
            data-testid="v-skill-input"
          />
          <button type="button" className="m-btn" style={{ flex: 'none' }} onClick={addTyped} disabled={!typed.trim()}>
            {t('volunteerPhone.addSkill')}
          </button>
        </div>
      </div>
      <label className="m-field">
        <span>{t('volunteerPhone.availability')}</span>
        <input
          value={availability}
          maxLength={500}
          placeholder={t('volunteerPhone.availabilityPlaceholder')}
          onChange={(e) => setAvailability(e.target.value)}
          data-testid="v-availability"
        />
      </label>
      <label className="m-field">
        <span>{t('volunteerPhone.joinTeam')}</span>
        <select className="v-select" value={teamId} onChange={(e) => setTeamId(e.target.value)} data-testid="v-team">
          <option value="">{t('volunteerPhone.noTeam')}</option>
          {(teams.data?.items ?? []).map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
              {team.communityName ? ` · ${team.communityName}` : ''}
            </option>
          ))}
        </select>
      </label>
      {register.isError && (
        <p className="m-error" data-testid="v-register-error">
          {errorMessage(register.error)}
        </p>
      )}
      <button
        type="button"
        className="m-btn m-btn-primary m-btn-block m-submit"
        style={{ marginTop: 14 }}
        disabled={register.isPending}
        onClick={submit}
        data-testid="v-register-submit"
      >
        {t('volunteerPhone.register')}
      </button>
    </Card>
  );
}
