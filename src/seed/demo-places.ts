/**
 * Places of the fictional demo town (seed data): the 11 communities of 杭川镇, their streets and where each
 * sits on the 4 × 3 town lattice (col 0 = west, row 0 = south; the south-east cell is the river), the alley
 * names of the old town, and the townships mobile Party members come from.
 */

export interface CommunityDef {
  name: string;
  /** Login name of the community's admin. */
  pinyin: string;
  col: number;
  row: number;
  population: number;
  streets: readonly string[];
  /** Relative share of the 62 back-alley regions (old town high, new districts low). */
  alleyWeight: number;
}

export const COUNTY = { name: '光泽县', code: '350723', address: '光泽县杭川镇北大路1号' } as const;
export const TOWN_ORG = { name: '杭川镇', code: '350723100', address: '光泽县杭川镇中山路18号' } as const;
export const ADDRESS_PREFIX = '光泽县杭川镇';

export const COMMUNITIES: readonly CommunityDef[] = [
  {
    name: '杭东社区',
    pinyin: 'hangdong',
    col: 2,
    row: 1,
    population: 9600,
    streets: ['解放路', '中山路', '书院路', '胜利街'],
    alleyWeight: 9,
  },
  {
    name: '三凤社区',
    pinyin: 'sanfeng',
    col: 1,
    row: 1,
    population: 7800,
    streets: ['三凤路', '文化路', '府前路'],
    alleyWeight: 8,
  },
  {
    name: '橘子洲社区',
    pinyin: 'juzizhou',
    col: 2,
    row: 0,
    population: 4200,
    streets: ['橘洲路', '滨江南路', '洲头街'],
    alleyWeight: 3,
  },
  {
    name: '杭西社区',
    pinyin: 'hangxi',
    col: 0,
    row: 1,
    population: 6800,
    streets: ['杭西路', '西门街', '公园路'],
    alleyWeight: 6,
  },
  {
    name: '北门社区',
    pinyin: 'beimen',
    col: 1,
    row: 2,
    population: 8200,
    streets: ['北门路', '北大路', '仓前街'],
    alleyWeight: 8,
  },
  {
    name: '水口社区',
    pinyin: 'shuikou',
    col: 0,
    row: 0,
    population: 5100,
    streets: ['水口路', '滨江西路', '渡口街'],
    alleyWeight: 6,
  },
  {
    name: '东关社区',
    pinyin: 'dongguan',
    col: 3,
    row: 1,
    population: 7300,
    streets: ['东关路', '东环路', '文昌街'],
    alleyWeight: 6,
  },
  {
    name: '西关社区',
    pinyin: 'xiguan',
    col: 0,
    row: 2,
    population: 5600,
    streets: ['西关路', '西环路', '马坊街'],
    alleyWeight: 5,
  },
  {
    name: '南门社区',
    pinyin: 'nanmen',
    col: 1,
    row: 0,
    population: 6900,
    streets: ['南门路', '城南路', '滨江路'],
    alleyWeight: 7,
  },
  {
    name: '崇仁社区',
    pinyin: 'chongren',
    col: 2,
    row: 2,
    population: 6200,
    streets: ['崇仁路', '茶花路', '学前街'],
    alleyWeight: 4,
  },
  {
    name: '城东社区',
    pinyin: 'chengdong',
    col: 3,
    row: 2,
    population: 11200,
    streets: ['城东大道', '发展大道', '富民路'],
    alleyWeight: 2,
  },
];

export const LATTICE_COLS = 4;
export const LATTICE_ROWS = 3;

/** "杭东社区" → "杭东". */
export function shortName(communityName: string): string {
  return communityName.replace(/社区$/, '');
}

/** Two-character stems of old-town alley names: the grid is "杭东书院巷", the region "书院街巷区". */
export const ALLEY_STEMS: readonly string[] = [
  '水北',
  '书院',
  '米行',
  '打铁',
  '城隍',
  '文昌',
  '武庙',
  '考亭',
  '仓前',
  '学前',
  '府前',
  '井头',
  '桥头',
  '渡口',
  '柴市',
  '鱼行',
  '盐仓',
  '染坊',
  '油坊',
  '花园',
  '竹林',
  '杨梅',
  '桂花',
  '樟树',
  '柳营',
  '狮子',
  '凤凰',
  '龙井',
  '马坊',
  '箭道',
  '三官',
  '关帝',
  '天后',
  '福源',
  '永安',
  '太平',
  '聚奎',
  '登云',
  '兴贤',
  '崇文',
  '尚德',
  '孝义',
  '仁寿',
  '积善',
  '长庆',
  '永兴',
  '新安',
  '石板',
  '青石',
  '古井',
  '炮台',
  '营盘',
  '官塘',
  '莲塘',
  '荷花',
  '东岳',
  '华光',
  '梅溪',
  '北溪',
  '乌石',
  '横塘',
  '上坊',
  '下坊',
  '后街',
  '前街',
  '板桥',
];

/** The old housing estates (小区) the co-building meetings and projects work on; {e} in their texts. */
export const ESTATES = [
  '水南',
  '北门',
  '东关',
  '粮站',
  '供销',
  '农机',
  '电厂',
  '纺织厂',
  '水电',
  '老税务',
  '烟草',
  '交通',
  '邮电',
  '百货',
] as const;

/** Where mobile members (流动党员) who moved into the town are registered from. */
export const ORIGIN_TOWNSHIPS = ['寨里镇', '止马镇', '鸾凤乡', '崇仁乡', '李坊乡', '华桥乡', '司前乡'] as const;

export const BRANCH_ORDINALS = ['第一', '第二', '第三'] as const;
