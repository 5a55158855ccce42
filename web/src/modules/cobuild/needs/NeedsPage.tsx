import { Typography } from 'antd';
import { useI18n } from '../../../i18n';

export default function NeedsPage() {
  const { t } = useI18n();
  return <Typography.Title level={3}>{t('needs.title')}</Typography.Title>;
}
