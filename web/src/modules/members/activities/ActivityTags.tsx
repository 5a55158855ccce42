import { Tag } from 'antd';
import { useI18n } from '../../../i18n';
import { type PostActivityView, type PostSignupState, SIGNUP_COLOURS } from './api';

export function ActivityStateTag({ state }: { state: PostActivityView['state'] }) {
  const { t } = useI18n();
  return state === 'cancelled' ? (
    <Tag>{t('postActivities.stateCancelled')}</Tag>
  ) : (
    <Tag color="blue">{t('postActivities.stateScheduled')}</Tag>
  );
}

export function SignupStateTag({ state }: { state: PostSignupState }) {
  const { t } = useI18n();
  return (
    <Tag color={SIGNUP_COLOURS[state]} data-state={state}>
      {t(`postActivities.states.${state}`)}
    </Tag>
  );
}

/** The post type in the current language. */
export function useTypeName(): (a: Pick<PostActivityView, 'postTypeName' | 'postTypeNameEn'>) => string {
  const { language } = useI18n();
  return (a) => (language === 'en' ? a.postTypeNameEn : a.postTypeName);
}
