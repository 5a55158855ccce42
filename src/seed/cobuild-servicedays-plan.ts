/**
 * What the demo's service days are made of (seed data): the month's themes and focus, which kinds suit which unit
 * strengths, and how each kind's service items read.
 */
export interface DayPlan {
  date: string;
  start: string;
  end: string;
  month: number;
  status: 'held' | 'scheduled' | 'cancelled';
  /** The month's focus, which about half the units pick. */
  kind?: string;
  reason?: string;
}

export const MONTH_THEMES: Record<number, readonly string[]> = {
  1: ['元旦新春走访慰问集中报到服务日', '“迎新年·暖民心”共驻共建服务日'],
  2: ['新春送温暖集中报到服务日', '“迎新春·送祝福”共驻共建服务日'],
  3: ['学雷锋志愿服务月集中报到', '“三月学雷锋·共建文明城”服务日'],
  4: ['文明创城集中报到服务日', '“共建美丽家园”环境整治服务日'],
  5: ['防范电信诈骗集中宣传服务日', '“平安社区”共建服务日'],
  6: ['防汛安全集中报到服务日', '“六一”关爱留守儿童集中报到服务日'],
  7: ['“七一”党员进社区集中报到服务日', '红色共享餐厅志愿服务日'],
  8: ['垃圾分类进万家集中报到服务日', '清凉一夏·为民服务日'],
  9: ['“开学季”四点半课堂共建服务日', '金秋助学集中报到服务日'],
  10: ['人口普查业务培训进社区', '“九九重阳”敬老助老服务日'],
  11: ['“119”消防宣传月集中报到服务日', '冬季安全生产共建服务日'],
  12: ['年终集中报到服务日', '“温暖过冬”为民服务日'],
};

const MONTH_FOCUS: Record<number, string> = {
  1: 'elderly_help',
  2: 'free_haircut',
  3: 'free_clinic',
  4: 'civilised_city',
  5: 'anti_fraud',
  6: 'flood_awareness',
  7: 'red_canteen',
  8: 'waste_sorting',
  9: 'tutoring',
  10: 'census_training',
  11: 'fire_safety',
  12: 'elderly_help',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The n-th (0-based) Saturday of a month. */
function saturday(year: number, month: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (6 - first.getUTCDay() + 7) % 7;
  return `${year}-${pad(month)}-${pad(1 + offset + 7 * n)}`;
}

const SLOTS = [
  ['08:30', '11:30'],
  ['14:30', '17:00'],
  ['09:00', '11:30'],
  ['15:00', '17:30'],
] as const;

/**
 * One community's days of a year as planned: eight between February and December (three months of February–November
 * skipped, differently per community). Days before `today` were held (水口's June day was cancelled); the first day
 * from `today` on is scheduled; later ones are not planned yet. When none is left this year, January's day of the
 * next year is the one scheduled, so every community always has a day coming.
 */
export function dayPlan(ci: number, year: number, today: string): DayPlan[] {
  const skip = new Set([2 + (ci % 10), 2 + ((ci + 4) % 10), 2 + ((ci + 7) % 10)]);
  const out: DayPlan[] = [];
  for (let month = 2; month <= 12; month++) {
    if (skip.has(month)) continue;
    const plan = plannedDay(ci, year, month);
    if (plan.date >= today) return [...out, { ...plan, status: 'scheduled' }];
    // 水口社区 lies on the river: its June day fell to a rainstorm warning.
    if (ci === 5 && month === 6)
      Object.assign(plan, { status: 'cancelled', reason: '暴雨红色预警，全员转入防汛值守，活动取消' });
    out.push(plan);
  }
  return [...out, { ...plannedDay(ci, year + 1, 1), status: 'scheduled' }];
}

function plannedDay(ci: number, year: number, month: number): DayPlan {
  if (month === 6 && ci % 2 === 0) {
    return { date: `${year}-06-01`, start: '09:00', end: '11:30', month, status: 'held', kind: 'left_behind_children' };
  }
  const [start, end] = month === 12 || month === 1 ? ['08:30', '11:30'] : SLOTS[(ci + month) % SLOTS.length];
  const n = month === 12 || month === 1 ? ci % 3 : (ci + month) % 3;
  return { date: saturday(year, month, n), start, end, month, status: 'held', kind: MONTH_FOCUS[month] };
}

/** Kinds a unit with this strength typically brings. */
export const KINDS_BY_STRENGTH: Record<string, readonly string[]> = {
  law: ['legal_advice', 'mediation', 'anti_gang'],
  health: ['free_clinic', 'food_safety', 'insurance_advice'],
  construction: ['appliance_repair', 'cleanup'],
  education: ['tutoring', 'left_behind_children'],
  public_security: ['anti_fraud', 'safety_rates', 'traffic_safety', 'anti_gang'],
  environment: ['waste_sorting', 'cleanup'],
  culture: ['performance', 'policy_briefing'],
  finance: ['tax_advice', 'anti_fraud'],
  elderly_care: ['elderly_help', 'free_haircut'],
  youth: ['left_behind_children', 'tutoring'],
  emergency: ['fire_safety', 'flood_awareness'],
  social_work: ['census_training', 'red_canteen', 'job_fair', 'civilised_city', 'policy_briefing'],
};

export const KIND_ITEMS: Record<string, readonly string[]> = {
  waste_sorting: ['入户发放垃圾分类指南，现场指导分类投放', '设置垃圾分类互动游戏摊位，宣传“四分类”'],
  census_training: ['为网格员和普查指导员讲解普查登记业务', '演示手机采集终端填报流程并答疑'],
  red_canteen: ['到社区红色共享餐厅帮厨、送餐', '为辖区高龄老人配送爱心午餐'],
  safety_rates: ['开展“平安三率”问卷走访，宣传平安建设', '发放平安建设明白纸，提高群众知晓率'],
  left_behind_children: ['慰问留守儿童，送去学习用品和节日礼物', '陪伴留守儿童开展亲子游戏和手工活动'],
  free_clinic: ['测血压、测血糖，提供健康咨询', '组织医生坐诊，开展慢病用药指导'],
  legal_advice: ['设立法律咨询台，解答婚姻家庭、劳动纠纷问题', '开展《民法典》进社区宣讲'],
  anti_fraud: ['讲解常见电信诈骗手法，协助安装国家反诈中心APP', '为老年人开展防范养老诈骗宣传'],
  fire_safety: ['入户排查用火用电隐患，讲解灭火器使用', '开展楼道消防通道清理和电动车充电隐患排查'],
  cleanup: ['清理背街小巷卫生死角和乱堆乱放', '清除楼道小广告，整治绿化带垃圾'],
  elderly_help: ['上门看望独居老人，帮助打扫卫生', '为高龄老人代办事项、检修生活设施'],
  policy_briefing: ['宣讲惠民政策，发放政策明白纸', '开展党的创新理论“微宣讲”'],
  civilised_city: ['在路口开展文明交通劝导', '劝导规范停车，整治占道经营'],
  flood_awareness: ['排查低洼地带和危房，宣传防汛避险知识', '发放防汛应急包，讲解转移避险路线'],
  job_fair: ['提供就业岗位信息，开展求职登记', '讲解创业担保贷款和技能培训补贴政策'],
  free_haircut: ['为老年人和行动不便居民义务理发', '上门为卧床老人理发'],
  appliance_repair: ['现场义务维修小家电、更换水龙头', '检修老旧小区楼道照明和线路'],
  tax_advice: ['讲解个人所得税汇算清缴操作', '为个体工商户提供税收优惠政策咨询'],
  traffic_safety: ['开展“一盔一带”交通安全宣传', '为电动车骑行人讲解交通法规'],
  food_safety: ['开展食品安全知识宣传，现场快检蔬菜农残', '检查社区周边小餐饮食品安全'],
  tutoring: ['到四点半课堂辅导学生作业', '为学生开展安全教育和兴趣课'],
  performance: ['组织文艺小分队演出，丰富居民文化生活', '参与“激情广场大家唱”合唱活动'],
  mediation: ['参与调解邻里纠纷和物业矛盾', '开展矛盾纠纷排查化解'],
  anti_gang: ['开展扫黑除恶专项斗争宣传，公布举报渠道', '发放扫黑除恶常态化宣传资料'],
  insurance_advice: ['现场办理医保参保登记，讲解报销政策', '为居民查询社保缴费并解答疑问'],
};
