import type { PersonSeed } from './demo-types.js';

/**
 * The volunteer demo's plan (issue 14 § Demo): the article's 15 teams — 杭川老大妈义务巡逻队, 梦伶歌友会 and
 * 激情广场合唱团 by name, the two practice stations it names (三凤社区 and 橘子洲社区), and ten more spread over the seven
 * series and the eleven communities — with what each team does, where and when. Data only; demo-volunteers.ts draws
 * the people, activities and sign-ups from it.
 */
export interface TeamPlan {
  name: string;
  seriesKey: string;
  /** The community's pinyin (demo-places.ts), or null for a county team whose activities go round the communities. */
  community: string | null;
  /** Members besides the leader. */
  members: number;
  /** Service type keys the team's activities are of (VOLUNTEER_CATALOGUE). */
  types: string[];
  /** Activities a year (besides the patrol team's regular patrols). */
  perYear: number;
  /** Older women first (the patrol's 老大妈, the dance and song groups). */
  olderWomen?: boolean;
  description: string;
}

export const PATROL_TEAM = '杭川老大妈义务巡逻队';

export const TEAM_PLANS: TeamPlan[] = [
  {
    name: PATROL_TEAM,
    seriesKey: 'security_patrol',
    community: 'hangdong',
    members: 15,
    types: ['street_patrol', 'fire_safety'],
    perYear: 6,
    olderWomen: true,
    description: '社区退休阿姨自发组成，每周一、三、五、六上午巡逻街巷，看门护院、劝导文明、排查隐患',
  },
  {
    name: '梦伶歌友会',
    seriesKey: 'culture_sports',
    community: 'juzizhou',
    members: 9,
    types: ['choir', 'square_dance'],
    perYear: 18,
    olderWomen: true,
    description: '戏曲与歌曲爱好者组成，节假日进小区、进敬老院义务演出',
  },
  {
    name: '激情广场合唱团',
    seriesKey: 'culture_sports',
    community: 'sanfeng',
    members: 10,
    types: ['choir', 'square_dance'],
    perYear: 18,
    description: '每月在广场开展合唱演出，带动居民参与文体活动',
  },
  {
    name: '三凤社区文明实践志愿服务驿站',
    seriesKey: 'civilisation_practice',
    community: 'sanfeng',
    members: 8,
    types: ['practice_station', 'red_canteen'],
    perYear: 20,
    description: '新时代文明实践站的志愿服务驿站：站点值守、红色共享餐厅帮厨',
  },
  {
    name: '橘子洲社区文明实践志愿服务驿站',
    seriesKey: 'civilisation_practice',
    community: 'juzizhou',
    members: 8,
    types: ['practice_station', 'red_canteen'],
    perYear: 20,
    description: '新时代文明实践站的志愿服务驿站：站点值守、红色共享餐厅帮厨',
  },
  {
    name: '杭西社区文明交通劝导队',
    seriesKey: 'security_patrol',
    community: 'hangxi',
    members: 8,
    types: ['traffic_guidance', 'fire_safety'],
    perYear: 16,
    description: '上下学高峰在路口劝导文明出行，配合开展消防安全检查',
  },
  {
    name: '北门社区政策宣讲队',
    seriesKey: 'policy_outreach',
    community: 'beimen',
    members: 7,
    types: ['policy_talk', 'anti_fraud'],
    perYear: 14,
    description: '退休干部、教师组成，进小区宣讲惠民政策',
  },
  {
    name: '东关社区反诈普法志愿队',
    seriesKey: 'policy_outreach',
    community: 'dongguan',
    members: 7,
    types: ['anti_fraud', 'legal_advice'],
    perYear: 14,
    description: '联合派出所、司法所开展反诈宣传和普法咨询',
  },
  {
    name: '水口社区便民服务队',
    seriesKey: 'convenience',
    community: 'shuikou',
    members: 8,
    types: ['repairs', 'haircut'],
    perYear: 14,
    description: '每月一次义务维修家电、义务理发',
  },
  {
    name: '光泽县爱心义诊志愿队',
    seriesKey: 'convenience',
    community: null,
    members: 8,
    types: ['free_clinic'],
    perYear: 14,
    description: '县医院、中医院医护人员组成，轮流到各社区义诊',
  },
  {
    name: '西关社区垃圾分类督导队',
    seriesKey: 'environment',
    community: 'xiguan',
    members: 7,
    types: ['waste_sorting', 'alley_cleanup'],
    perYear: 16,
    description: '在投放点引导垃圾分类，每月清洁街巷',
  },
  {
    name: '城东社区护绿志愿队',
    seriesKey: 'environment',
    community: 'chengdong',
    members: 7,
    types: ['greening', 'alley_cleanup'],
    perYear: 12,
    description: '认养绿地、补种花木，清理卫生死角',
  },
  {
    name: '崇仁社区夕阳红敬老服务队',
    seriesKey: 'caring',
    community: 'chongren',
    members: 7,
    types: ['elderly_visits'],
    perYear: 14,
    description: '定期走访独居、高龄老人，代购代办、陪伴聊天',
  },
  {
    name: '杭东社区关爱留守儿童志愿队',
    seriesKey: 'caring',
    community: 'hangdong',
    members: 7,
    types: ['left_behind_children'],
    perYear: 12,
    description: '四点半课堂、周末陪伴留守儿童',
  },
  {
    name: '南门社区健身指导队',
    seriesKey: 'culture_sports',
    community: 'nanmen',
    members: 7,
    types: ['fitness_guidance', 'square_dance'],
    perYear: 14,
    description: '社会体育指导员带领居民科学健身',
  },
];

/** Registered volunteers in no team (they sign up for activities one by one). */
export const UNATTACHED_VOLUNTEERS = 10;

/** What an activity of a type is called, where it is held, its roles (name, slots), usual start times and minutes. */
export interface TypePlan {
  titles: string[];
  places: string[];
  roles: [string, number][];
  starts: string[];
  minutes: number[];
}

const STATION = ['新时代文明实践站', '党群服务中心'];
export const TYPE_PLANS: Record<string, TypePlan> = {
  street_patrol: {
    titles: ['街巷义务巡逻'],
    places: ['社区警务室'],
    roles: [['巡逻员', 10]],
    starts: ['08:30'],
    minutes: [150],
  },
  fire_safety: {
    titles: ['消防安全隐患排查', '电动车充电安全检查'],
    places: ['老旧小区', '沿街店铺'],
    roles: [
      ['检查员', 6],
      ['记录员', 2],
    ],
    starts: ['09:00', '14:30'],
    minutes: [150, 180],
  },
  square_dance: {
    titles: ['广场文艺展演', '广场舞教学'],
    places: ['文化广场', '社区广场'],
    roles: [
      ['演员', 12],
      ['场务', 2],
    ],
    starts: ['19:00', '19:30'],
    minutes: [90, 120],
  },
  choir: {
    titles: ['合唱演出', '敬老院慰问演出', '红歌会'],
    places: ['文化广场', '敬老院', '社区活动室'],
    roles: [
      ['演唱', 14],
      ['后勤', 2],
    ],
    starts: ['09:30', '15:00', '19:00'],
    minutes: [90, 120, 150],
  },
  fitness_guidance: {
    titles: ['科学健身指导', '太极拳教学'],
    places: ['社区广场', '全民健身中心'],
    roles: [
      ['指导员', 5],
      ['引导员', 2],
    ],
    starts: ['07:00', '18:30'],
    minutes: [90, 120],
  },
  traffic_guidance: {
    titles: ['文明交通劝导', '上学路口护学'],
    places: ['十字路口', '学校门口'],
    roles: [['劝导员', 8]],
    starts: ['07:00', '16:30'],
    minutes: [90, 120],
  },
  policy_talk: {
    titles: ['惠民政策宣讲', '医保政策进小区'],
    places: STATION,
    roles: [
      ['宣讲员', 4],
      ['引导员', 3],
    ],
    starts: ['09:00', '15:00'],
    minutes: [120, 150],
  },
  anti_fraud: {
    titles: ['反诈宣传进小区', '防范电信诈骗讲座'],
    places: ['社区广场', '农贸市场'],
    roles: [
      ['宣传员', 6],
      ['引导员', 2],
    ],
    starts: ['09:00', '15:00'],
    minutes: [120, 150],
  },
  legal_advice: {
    titles: ['法律咨询服务', '普法宣传'],
    places: STATION,
    roles: [
      ['咨询员', 4],
      ['引导员', 2],
    ],
    starts: ['09:00'],
    minutes: [150, 180],
  },
  repairs: {
    titles: ['义务维修家电', '便民维修'],
    places: ['社区广场', '党群服务中心'],
    roles: [
      ['维修员', 5],
      ['登记员', 2],
    ],
    starts: ['08:30'],
    minutes: [180, 210],
  },
  haircut: {
    titles: ['义务理发'],
    places: ['党群服务中心', '敬老院'],
    roles: [
      ['理发师', 4],
      ['引导员', 2],
    ],
    starts: ['08:30', '14:30'],
    minutes: [150, 180],
  },
  free_clinic: {
    titles: ['爱心义诊', '健康咨询进社区'],
    places: ['党群服务中心', '社区广场'],
    roles: [
      ['医生', 4],
      ['护士', 3],
      ['引导员', 2],
    ],
    starts: ['08:30'],
    minutes: [180, 210, 240],
  },
  waste_sorting: {
    titles: ['垃圾分类督导', '垃圾分类宣传'],
    places: ['垃圾投放点', '小区门口'],
    roles: [['督导员', 6]],
    starts: ['07:00', '18:00'],
    minutes: [90, 120],
  },
  alley_cleanup: {
    titles: ['街巷大扫除', '清理卫生死角'],
    places: ['老街小巷', '背街小巷'],
    roles: [['清洁员', 10]],
    starts: ['08:00', '15:00'],
    minutes: [120, 150],
  },
  greening: {
    titles: ['植绿护绿', '补种花木'],
    places: ['河滨公园', '小区绿地'],
    roles: [['护绿员', 8]],
    starts: ['08:30'],
    minutes: [120, 150],
  },
  elderly_visits: {
    titles: ['走访慰问独居老人', '敬老助老上门服务'],
    places: ['辖区老人家中', '居家养老服务站'],
    roles: [['走访员', 6]],
    starts: ['09:00', '15:00'],
    minutes: [120, 150],
  },
  left_behind_children: {
    titles: ['四点半课堂', '周末陪伴留守儿童'],
    places: ['社区儿童之家', '新时代文明实践站'],
    roles: [
      ['辅导员', 5],
      ['陪伴员', 3],
    ],
    starts: ['16:30', '09:00'],
    minutes: [90, 120, 150],
  },
  red_canteen: {
    titles: ['红色共享餐厅帮厨'],
    places: ['红色共享餐厅'],
    roles: [
      ['帮厨', 4],
      ['送餐员', 2],
    ],
    starts: ['10:30'],
    minutes: [150, 180],
  },
  practice_station: {
    titles: ['文明实践站值守', '志愿服务驿站值守'],
    places: STATION,
    roles: [['值守员', 3]],
    starts: ['08:30', '14:30'],
    minutes: [180, 210, 240],
  },
};

/**
 * The two volunteer logins are the patrol team's first two: two older women of 杭东社区 who carry the volunteer role,
 * hold no grid duty and are not Party members (their ledger is not the point): lead01 leads the team, volunteer01
 * patrols with it. Chosen from the register without drawing, so the other logins and rows stay as they were.
 */
export function patrolLogins(residents: PersonSeed[], hangdongId: string): { lead: PersonSeed; member: PersonSeed } {
  const found = residents.filter(
    (p) =>
      p.community.org.id === hangdongId &&
      p.row.roles.includes('volunteer') &&
      p.row.gender === 'female' &&
      p.age >= 55 &&
      p.age <= 72 &&
      !p.onDuty &&
      !p.member,
  );
  if (found.length < 2) throw new Error('杭东社区 has fewer than two older women volunteers');
  return { lead: found[0], member: found[1] };
}
