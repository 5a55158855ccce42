import {
  ApartmentOutlined, AuditOutlined, EnvironmentOutlined, FlagOutlined, HomeOutlined, TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../api/contracts';

export type NavKey = 'overview' | 'organisations' | 'grids' | 'people' | 'members' | 'audit';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Shown only to users holding this permission (none: everyone logged in). */
  permission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', path: '/', icon: <HomeOutlined /> },
  { key: 'organisations', path: '/organisations', icon: <ApartmentOutlined />, permission: 'org.read' },
  { key: 'grids', path: '/grids', icon: <EnvironmentOutlined />, permission: 'grid.read' },
  { key: 'people', path: '/people', icon: <TeamOutlined />, permission: 'people.read' },
  { key: 'members', path: '/members', icon: <FlagOutlined />, permission: 'members.read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export function navKeyOf(pathname: string): NavKey {
  const hit = NAV_ITEMS.find((n) => n.path !== '/' && (pathname === n.path || pathname.startsWith(`${n.path}/`)));
  return hit?.key ?? 'overview';
}
