import { Flex, Typography } from 'antd';
import { addStrings, useI18n } from '../../../i18n';
import volunteerStrings from '../i18n';
import { CatalogueCard } from './CatalogueCard';
import { RulesCard } from './RulesCard';

addStrings(volunteerStrings);

/** 目录与规则 (county): the service catalogue and the rules in force. */
export default function VolunteerSettingsPage() {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="volunteer-settings-page">
      <Flex className="page-head" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('volunteers.settings.title')}
        </Typography.Title>
      </Flex>
      <CatalogueCard />
      <RulesCard />
    </div>
  );
}
