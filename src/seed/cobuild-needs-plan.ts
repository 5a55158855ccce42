/**
 * What the needs demo (cobuild-needs.ts) draws from: the row shapes, the need templates and street names the
 * communities' lists are made of, what each unit strength offers, and how a case's category becomes a need's domain.
 */
import type { MeasureUnit } from '../modules/cobuild/needs/needs.enums.js';
import type { needs, resources } from '../modules/cobuild/needs/needs.schema.js';
import type { ProjectDomain } from '../modules/cobuild/projects/projects.contracts.js';

/** When things happened: the latest March run at least a month before the demo's first day, and its year. */
export interface NeedsTime {
  year: number;
  runDay: string;
  runAt: Date;
  /** The survey and the communities' own lists were entered at the start of that year. */
  listedAt: Date;
  today: string;
  now: Date;
}

export type Unit = MeasureUnit;
export type NeedRow = typeof needs.$inferInsert & {
  id: string;
  served: number;
  status: NonNullable<typeof needs.$inferInsert.status>;
};
export type ResourceRow = typeof resources.$inferInsert & { id: string; reserved: number };
interface Template {
  title: string;
  domain: ProjectDomain;
  unit: Unit;
  range: [number, number];
}

const t = (title: string, domain: ProjectDomain, unit: Unit, range: [number, number]): Template => ({
  title,
  domain,
  unit,
  range,
});
export const TEMPLATES: readonly Template[] = [
  t('{e}小区楼道杂物清理与墙面粉刷', 'old_estate_renovation', 'person_hours', [16, 60]),
  t('{e}小区单元楼道加装扶手', 'old_estate_renovation', 'items', [10, 40]),
  t('{s}背街小巷卫生整治', 'living_environment', 'person_hours', [12, 48]),
  t('垃圾分类定时定点督导', 'living_environment', 'person_hours', [20, 80]),
  t('{s}绿化带补植苗木', 'living_environment', 'items', [30, 120]),
  t('文明劝导志愿服务', 'civilised_city', 'person_hours', [16, 64]),
  t('公益宣传栏更新', 'civilised_city', 'items', [4, 12]),
  t('扫黑除恶法治宣传进小区', 'anti_gang', 'sessions', [2, 8]),
  t('“平安三率”入户宣传', 'anti_gang', 'person_hours', [12, 40]),
  t('防汛沙袋储备', 'flood_control', 'items', [100, 400]),
  t('汛期沿河巡查值守', 'flood_control', 'person_hours', [24, 96]),
  t('沿街店铺消防安全检查', 'work_safety', 'sessions', [2, 10]),
  t('燃气安全入户排查', 'work_safety', 'person_hours', [16, 48]),
  t('高龄独居老人定期探访', 'elderly_care', 'person_hours', [20, 80]),
  t('爱心义诊进社区', 'elderly_care', 'sessions', [2, 8]),
  t('“红色共享餐厅”助老餐补贴', 'elderly_care', 'yuan', [3000, 15000]),
  t('社区书苑图书补充', 'culture', 'items', [50, 200]),
  t('“广场大家唱”文艺辅导', 'culture', 'sessions', [3, 10]),
  t('“四点半学校”课后辅导', 'other', 'person_hours', [20, 80]),
  t('“六一”慰问留守儿童', 'other', 'yuan', [2000, 8000]),
];
export const ESTATES = ['水南', '北门', '东关', '粮站', '供销', '农机', '电厂', '纺织厂', '水电', '烟草'];
export const STREETS = ['和平街', '中山路', '解放路', '府前路', '滨江路', '五一路', '胜利街', '建设路'];

/** What a unit brings by its strengths, besides every unit's members' volunteer hours. */
export const OFFERS: Record<
  string,
  { kind: 'expertise' | 'equipment' | 'money'; title: string; unit: Unit; range: [number, number] }
> = {
  law: { kind: 'expertise', title: '法律咨询与普法讲座', unit: 'sessions', range: [6, 24] },
  health: { kind: 'expertise', title: '爱心义诊与健康讲座', unit: 'sessions', range: [4, 12] },
  education: { kind: 'expertise', title: '课后辅导与家长课堂', unit: 'person_hours', range: [40, 120] },
  public_security: { kind: 'expertise', title: '治安防范与反诈宣传', unit: 'sessions', range: [6, 20] },
  emergency: { kind: 'equipment', title: '防汛沙袋与应急物资', unit: 'items', range: [50, 200] },
  construction: { kind: 'equipment', title: '扶手、宣传栏等施工材料', unit: 'items', range: [10, 40] },
  environment: { kind: 'equipment', title: '绿化苗木与保洁工具', unit: 'items', range: [30, 120] },
  culture: { kind: 'expertise', title: '文艺辅导与图书捐赠', unit: 'sessions', range: [6, 16] },
  finance: { kind: 'money', title: '共建帮扶资金', unit: 'yuan', range: [3_000, 12_000] },
  social_work: { kind: 'expertise', title: '社工服务与心理疏导', unit: 'sessions', range: [6, 16] },
};

export const CASE_PRIORITY = { urgent: 5, complex: 4, ordinary: 3 } as const;
export const caseDomain = (code: string): ProjectDomain =>
  /renovation/.test(code)
    ? 'old_estate_renovation'
    : /elderly/.test(code)
      ? 'elderly_care'
      : /children/.test(code)
        ? 'other'
        : 'living_environment';
