import { countyWallClock } from '../../../ui/clock';
import { Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ListPage } from '../../../ui/ListPage';
import { CommitteeTab } from './CommitteeTab';
import { PairsTab } from './PairsTab';
import { PlansTab } from './PlansTab';

const thisYear = () => countyWallClock().getFullYear();
const YEARS = [thisYear() + 1, thisYear(), thisYear() - 1, thisYear() - 2];

/** 结对共建: the county runs, edits and adopts pairing plans; everyone with pairings.read sees their pairs and 大党委. */
export default function PairingPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const manage = can('pairings.manage');
  const [year, setYear] = useState(thisYear());
  const [tab, setTab] = useState<string>(manage ? 'plans' : 'pairs');
  const tabs = [
    ...(manage ? [{ key: 'plans', label: t('pairing.tabs.plans'), children: <PlansTab year={year} /> }] : []),
    { key: 'pairs', label: t('pairing.tabs.pairs'), children: <PairsTab year={year} /> },
    { key: 'committee', label: t('pairing.tabs.committee'), children: <CommitteeTab year={year} /> },
  ];
  return (
    <ListPage
      title={t('pairing.title')}
      plain
      actions={
        <Space>
          <span>{t('pairing.year')}</span>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            data-testid="pairing-year"
            options={YEARS.map((y) => ({ value: y, label: String(y) }))}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('pairing.subtitle')}
      </Typography.Paragraph>
      <div className="list-card" style={{ padding: 12, background: '#fff', borderRadius: 8 }}>
        <Tabs activeKey={tab} onChange={setTab} items={tabs} destroyOnHidden data-testid="pairing-tabs" />
      </div>
    </ListPage>
  );
}
