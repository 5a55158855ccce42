import { Typography } from 'antd';
import { useI18n } from '../../../i18n';

export default function MeetingsPage() {
  const { t } = useI18n();
  return <Typography.Title level={3}>{t('meetings.title')}</Typography.Title>;
}
