import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CameraOutlined,
  CarryOutOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  HomeOutlined,
  InboxOutlined,
  LinkOutlined,
  NotificationOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MeResponse, Permission } from '../api/contracts';
import { hasUnitInbox } from '../auth/access';

export type NavKey =
  | 'overview'
  | 'cases'
  | 'unitInbox'
  | 'caseStats'
  | 'evaluations'
  | 'organisations'
  | 'grids'
  | 'people'
  | 'members'
  | 'audit'
  | 'mobile'
  | 'pairing'
  | 'projects'
  | 'needs'
  | 'meetings'
  | 'serviceDays';

export interface Access {
  me: MeResponse;
  can: (p: Permission) => boolean;
}

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Shown only to users holding this permission (none: everyone logged in). */
  permission?: Permission;
  /** A further condition (roles) where a permission alone does not say it. */
  show?: (a: Access) => boolean;
  /** A page of the resident phone app: opened with a full page load. */
  external?: boolean;
}

/** Statistics: whoever the server lets read them (scoped to what they may see). */
export const canSeeStats = (a: Access) => a.can('cases.stats');
/** The unit inbox is for unit administrators (吹哨报到). */
export const canSeeUnitInbox = (a: Access) => hasUnitInbox(a.me);

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', path: '/', icon: <HomeOutlined /> },
  { key: 'cases', path: '/cases', icon: <NotificationOutlined />, permission: 'cases.manage' },
  { key: 'unitInbox', path: '/unit-inbox', icon: <InboxOutlined />, show: canSeeUnitInbox },
  { key: 'caseStats', path: '/cases/stats', icon: <BarChartOutlined />, show: canSeeStats },
  { key: 'evaluations', path: '/evaluations', icon: <CalendarOutlined />, permission: 'evaluations.read' },
  { key: 'pairing', path: '/cobuild/pairing', icon: <LinkOutlined />, permission: 'pairings.read' },
  { key: 'projects', path: '/cobuild/projects', icon: <ProjectOutlined />, permission: 'cobuild.read' },
  { key: 'needs', path: '/cobuild/needs', icon: <SwapOutlined />, permission: 'cobuild.read' },
  { key: 'meetings', path: '/cobuild/meetings', icon: <ScheduleOutlined />, permission: 'cobuild.read' },
  { key: 'serviceDays', path: '/cobuild/service-days', icon: <CarryOutOutlined />, permission: 'cobuild.read' },
  { key: 'organisations', path: '/organisations', icon: <ApartmentOutlined />, permission: 'org.read' },
  { key: 'grids', path: '/grids', icon: <EnvironmentOutlined />, permission: 'grid.read' },
  { key: 'people', path: '/people', icon: <TeamOutlined />, permission: 'people.read' },
  { key: 'members', path: '/members', icon: <FlagOutlined />, permission: 'members.read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  {
    key: 'mobile',
    path: '/m/',
    icon: <CameraOutlined />,
    permission: 'cases.report',
    show: (a) => !a.can('cases.manage'),
    external: true,
  },
];

export function navVisible(n: NavItem, a: Access): boolean {
  return (!n.permission || a.can(n.permission)) && (!n.show || n.show(a));
}

/** The menu entry of a path: the longest matching path wins (/cases/stats before /cases). */
export function navKeyOf(pathname: string): NavKey {
  let best: NavItem | undefined;
  for (const n of NAV_ITEMS) {
    if (n.path === '/' || n.external) continue;
    if ((pathname === n.path || pathname.startsWith(`${n.path}/`)) && (!best || n.path.length > best.path.length))
      best = n;
  }
  return best?.key ?? 'overview';
}
