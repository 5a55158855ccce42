import type { ThemeConfig } from 'antd';

/** A restrained Party red on a calm, paper-white base; fonts that render Chinese well on every platform. */
export const PARTY_RED = '#c8161d';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PARTY_RED,
    colorLink: '#a8141a',
    colorInfo: '#1d5fa8',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    colorBgLayout: '#f5f3f0',
  },
  components: {
    Layout: { headerBg: PARTY_RED, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#fbe9ea', itemSelectedColor: PARTY_RED },
  },
};

/** Colours for communities on the map and charts: distinguishable, not loud. */
export const COMMUNITY_PALETTE = [
  '#e8a0a0',
  '#f0c27b',
  '#a8d08d',
  '#8ec5e0',
  '#c3a6d8',
  '#f2a97e',
  '#9fd3c7',
  '#d7c27a',
  '#b4b9e6',
  '#e6a8c8',
  '#a3c4a8',
  '#e0b58f',
  '#9cb8d9',
  '#d9a3a3',
];
