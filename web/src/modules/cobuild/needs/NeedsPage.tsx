import { Button, Tabs, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ownOrgOf } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { ListPage } from '../../../ui/ListPage';
import { useListParams } from '../../../ui/useListParams';
import { ClaimsTab } from './claims/ClaimsTab';
import { MatchingTab } from './MatchingTab';
import { NeedsTab } from './NeedsTab';
import { NEED_FILTERS } from './NeedsToolbar';
import { ResourcesTab } from './ResourcesTab';
import { TasksTab } from './TasksTab';

const TABS = ['needs', 'resources', 'matching', 'tasks', 'claims'] as const;
type Tab = (typeof TABS)[number];

/**
 * 三张清单: needs, resources and (one click away) the co-building projects; matching runs and their follow-up tasks;
 * Party members' claims of needs (微心愿认领) to verify.
 */
export default function NeedsPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const params = useParams<{ tab?: string }>();
  const needList = useListParams(NEED_FILTERS);
  const ownCommunity = ownOrgOf(me, 'community_admin');
  const ownUnit = ownOrgOf(me, 'unit_admin');
  // Matching is run by community staff; claims are verified by those who manage the needs (needs.write).
  const visible = TABS.filter(
    (k) => (k !== 'matching' || can('matching.run')) && (k !== 'claims' || can('needs.write')),
  );
  const tab: Tab = visible.includes(params.tab as Tab) ? (params.tab as Tab) : 'needs';
  const active = [
    needList.filters.communityId,
    needList.filters.status,
    needList.filters.priority,
    needList.filters.domain,
    needList.filters.source,
    needList.q,
  ].filter(Boolean).length;
  return (
    <ListPage
      title={t('needs.title')}
      plain
      activeFilters={active}
      actions={
        <Link to="/cobuild/projects">
          <Button data-testid="projects-link">{t('needs.projectsLink')}</Button>
        </Link>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('needs.subtitle')}
      </Typography.Paragraph>
      <div className="list-card ant-card ant-card-small" style={{ padding: 12, background: '#fff', borderRadius: 8 }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate(k === 'needs' ? '/cobuild/needs' : `/cobuild/needs/${k}`)}
          data-testid="needs-tabs"
          destroyOnHidden
          items={visible.map((k) => ({
            key: k,
            label: t(`needs.tabs.${k}`),
            children:
              k === 'needs' ? (
                <NeedsTab list={needList} ownCommunity={ownCommunity} />
              ) : k === 'resources' ? (
                <ResourcesTab ownUnit={ownUnit} />
              ) : k === 'matching' ? (
                <MatchingTab />
              ) : k === 'tasks' ? (
                <TasksTab />
              ) : (
                <ClaimsTab />
              ),
          }))}
        />
      </div>
    </ListPage>
  );
}
