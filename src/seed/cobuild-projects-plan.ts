/**
 * What the project lists of the demo (cobuild-projects.ts) are made of, per domain: project names ({e} an estate,
 * {s} a street), the 14-project mix of a community, which unit strengths fit, budgets (10k yuan) and milestones.
 */
import type { ProjectDomain } from '../modules/cobuild/projects/projects.contracts.js';

export const NAMES: Record<ProjectDomain, readonly string[]> = {
  old_estate_renovation: [
    '{e}小区老旧小区改造提升工程',
    '{e}小区雨污分流改造',
    '{e}小区加装电梯试点',
    '{e}小区停车位规划改造',
    '{e}小区外立面及楼道整治',
  ],
  living_environment: [
    '{s}背街小巷环境卫生整治',
    '垃圾分类示范点建设',
    '{s}口袋公园建设',
    '农贸市场周边环境整治',
    '公厕提升改造',
    '“六有”巷道提升',
  ],
  civilised_city: [
    '文明创城背街小巷整治',
    '新时代文明实践站提升',
    '车辆乱停乱放专项整治',
    '楼道“清障”行动',
    '文明劝导志愿服务',
    '{s}沿街立面广告规范',
  ],
  anti_gang: [
    '扫黑除恶专项宣传进小区',
    '“平安三率”入户宣传',
    '矛盾纠纷排查化解',
    '“法律明白人”培训',
    '重点场所治安巡查',
  ],
  flood_control: [
    '汛前排水管网清淤',
    '防汛应急物资储备点建设',
    '低洼易涝点改造',
    '防汛应急演练',
    '{s}沿河隐患排查整治',
  ],
  work_safety: [
    '电动车集中充电桩建设',
    '“九小场所”消防安全检查',
    '燃气安全入户排查',
    '老旧楼道消防设施更新',
    '安全生产月宣传',
  ],
  elderly_care: ['居家养老服务站提升', '“红色共享餐厅”助老餐', '高龄独居老人结对关爱'],
  culture: ['“广场大家唱”文化活动', '社区书苑提升', '“四点半学校”课堂'],
  other: ['共驻共建协调'],
};

/** 14 per community: two of each of the six domains, one elderly care, one culture. */
export const MIX: readonly ProjectDomain[] = [
  'old_estate_renovation',
  'old_estate_renovation',
  'living_environment',
  'living_environment',
  'civilised_city',
  'civilised_city',
  'anti_gang',
  'anti_gang',
  'flood_control',
  'flood_control',
  'work_safety',
  'work_safety',
  'elderly_care',
  'culture',
];

export const FITS: Record<ProjectDomain, readonly string[]> = {
  old_estate_renovation: ['construction'],
  living_environment: ['environment'],
  civilised_city: ['culture', 'social_work'],
  anti_gang: ['law', 'public_security'],
  flood_control: ['emergency', 'environment'],
  work_safety: ['emergency', 'public_security'],
  elderly_care: ['elderly_care', 'health'],
  culture: ['culture', 'education', 'youth'],
  other: [],
};

export const BUDGET: Record<ProjectDomain, [number, number]> = {
  old_estate_renovation: [300, 2500],
  living_environment: [20, 300],
  civilised_city: [10, 120],
  anti_gang: [2, 30],
  flood_control: [20, 400],
  work_safety: [10, 200],
  elderly_care: [10, 150],
  culture: [5, 60],
  other: [5, 20],
};

export const STEPS: Record<ProjectDomain, readonly string[]> = {
  old_estate_renovation: ['入户征求意见', '方案设计与公示', '施工招标', '主体施工', '竣工验收'],
  living_environment: ['摸底排查', '集中整治', '长效管护'],
  civilised_city: ['动员部署', '集中整治', '检查验收'],
  anti_gang: ['制定方案', '入户宣传', '总结评估'],
  flood_control: ['隐患排查', '清淤施工', '汛前验收'],
  work_safety: ['排查建档', '整改落实', '复查销号'],
  elderly_care: ['需求调查', '设施与服务到位', '运行评估'],
  culture: ['活动策划', '开展活动', '总结展示'],
  other: ['协调部署', '落实'],
};
