import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CameraOutlined,
  CarryOutOutlined,
  IdcardOutlined,
  FundOutlined,
  BookOutlined,
  FieldTimeOutlined,
  ProfileOutlined,
  SettingOutlined,
  TrophyOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ShopOutlined,
  ExperimentOutlined,
  FlagOutlined,
  HomeOutlined,
  InboxOutlined,
  LinkOutlined,
  NotificationOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { MENU, type MenuEntry, type NavKey } from './menu';

export { type Access, canSeeStats, canSeeUnitInbox, menuAllows, type NavKey, navKeyOf, navVisible } from './menu';

export interface NavItem extends MenuEntry {
  icon: ReactNode;
}

const ICONS: Record<NavKey, ReactNode> = {
  overview: <HomeOutlined />,
  cases: <NotificationOutlined />,
  unitInbox: <InboxOutlined />,
  caseStats: <BarChartOutlined />,
  classifier: <ExperimentOutlined />,
  evaluations: <CalendarOutlined />,
  followUps: <CheckSquareOutlined />,
  pairing: <LinkOutlined />,
  projects: <ProjectOutlined />,
  needs: <SwapOutlined />,
  meetings: <ScheduleOutlined />,
  serviceDays: <CarryOutOutlined />,
  postActivities: <SolutionOutlined />,
  memberReports: <IdcardOutlined />,
  posts: <ClusterOutlined />,
  ratings: <TrophyOutlined />,
  serviceRules: <SettingOutlined />,
  unitSheet: <ProfileOutlined />,
  coverage: <FundOutlined />,
  serviceLedger: <BookOutlined />,
  servicePace: <FieldTimeOutlined />,
  organisations: <ApartmentOutlined />,
  grids: <EnvironmentOutlined />,
  alleys: <ShopOutlined />,
  people: <TeamOutlined />,
  members: <FlagOutlined />,
  audit: <AuditOutlined />,
  open311: <ApiOutlined />,
  jobs: <DashboardOutlined />,
  mobile: <CameraOutlined />,
};

/** The menu (app/menu.ts: who is offered which page) with its icons. */
export const NAV_ITEMS: readonly NavItem[] = MENU.map((n) => ({ ...n, icon: ICONS[n.key] }));
