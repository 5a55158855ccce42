import { StarFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { CertificateState, VolunteerSignupState } from './api';

const SIGNUP_COLOURS: Record<VolunteerSignupState, string> = {
  signed_up: 'blue',
  waitlisted: 'orange',
  cancelled: 'default',
  checked_in: 'gold',
  checked_out: 'green',
  no_show: 'red',
};

export function SignupStateTag({ state }: { state: VolunteerSignupState }) {
  const { t } = useI18n();
  return <Tag color={SIGNUP_COLOURS[state]}>{t(`volunteers.signupStates.${state}`)}</Tag>;
}

export function ActivityStateTag({ state }: { state: 'scheduled' | 'cancelled' }) {
  const { t } = useI18n();
  return <Tag color={state === 'cancelled' ? 'default' : 'blue'}>{t(`volunteers.activityStates.${state}`)}</Tag>;
}

const CERT_COLOURS: Record<CertificateState, string> = { publicising: 'gold', issued: 'green', revoked: 'red' };

export function CertificateStateTag({ state }: { state: CertificateState }) {
  const { t } = useI18n();
  return <Tag color={CERT_COLOURS[state]}>{t(`volunteers.certStates.${state}`)}</Tag>;
}

/** The star level (0: 未评星). */
export function StarTag({ star }: { star: number }) {
  const { t } = useI18n();
  if (star <= 0) return <Tag>{t('volunteers.noStar')}</Tag>;
  return (
    <Tag color="gold" icon={<StarFilled />}>
      {t('volunteers.starN', { n: star })}
    </Tag>
  );
}

/** The catalogue's names in the current language. */
export function useCatalogueName() {
  const { language } = useI18n();
  return (zh: string, en: string) => (language === 'en' ? en : zh);
}
