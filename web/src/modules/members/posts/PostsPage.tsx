import { Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ownOrgOf, seesSeveralCommunities } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { countyWallClock } from '../../../ui/clock';
import { ListPage } from '../../../ui/ListPage';
import { OrgSelect } from '../../org/OrgSelect';
import { AssignmentTab } from './AssignmentTab';
import { OpeningsTab } from './OpeningsTab';
import { TypesTab } from './TypesTab';

/** What every tab works on: a community (none: the county, for the county admin) and a year. */
export interface PostsScope {
  communityId: string | undefined;
  year: number;
  /** May set up this community's posts (memberservice.manage; the server checks the community). */
  manages: boolean;
  /** The county admin: may run the assignment for the whole county. */
  county: boolean;
}

/** 岗位设置: post types, openings, and the assignment (suggest, confirm, assign by hand). */
export default function PostsPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const thisYear = countyWallClock().getUTCFullYear();
  const own = ownOrgOf(me, 'community_admin');
  const several = seesSeveralCommunities(me);
  const [communityId, setCommunityId] = useState<string | undefined>(own);
  const [year, setYear] = useState(thisYear);
  const [tab, setTab] = useState('openings');
  const scope: PostsScope = {
    communityId,
    year,
    manages: can('memberservice.manage'),
    county: several && can('memberservice.manage') && !own,
  };
  return (
    <ListPage
      title={t('posts.title')}
      filters={
        <Space wrap>
          {(several || !own) && (
            <OrgSelect
              kind="community"
              value={communityId}
              placeholder={t('posts.community')}
              onChange={setCommunityId}
              testId="posts-community"
            />
          )}
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            data-testid="posts-year"
            options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('posts.subtitle')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'openings', label: t('posts.tabOpenings'), children: <OpeningsTab scope={scope} /> },
          { key: 'assignment', label: t('posts.tabAssignment'), children: <AssignmentTab scope={scope} /> },
          { key: 'types', label: t('posts.tabTypes'), children: <TypesTab scope={scope} /> },
        ]}
      />
    </ListPage>
  );
}
