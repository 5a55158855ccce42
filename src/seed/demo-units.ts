/**
 * The 83 county agency Party organisations of the demo (seed data; fictional but plausible). Each has a size
 * class for its staff headcount and 1–3 strengths consistent with what the agency does.
 */

/** The strengths vocabulary of the demo units (the tags pairing matches against community needs). */
export const UNIT_STRENGTHS = [
  'law',
  'health',
  'construction',
  'education',
  'public_security',
  'environment',
  'culture',
  'finance',
  'elderly_care',
  'youth',
  'emergency',
  'social_work',
] as const;
export type UnitStrength = (typeof UNIT_STRENGTHS)[number];

/** Staff headcount ranges: small offices, mid-size bureaus, large bureaus/schools, the biggest employers. */
export const UNIT_SIZES = { S: [10, 45], M: [40, 110], L: [100, 200], X: [200, 300] } as const;
export type UnitSize = keyof typeof UNIT_SIZES;

export interface UnitDef {
  name: string;
  size: UnitSize;
  strengths: readonly UnitStrength[];
}

const u = (name: string, size: UnitSize, ...strengths: UnitStrength[]): UnitDef => ({ name, size, strengths });

/** In code order: the first is U001, the unit paired with 杭东社区 whose admin is the demo login unit01. */
export const UNIT_DEFS: readonly UnitDef[] = [
  u('县司法局党组', 'M', 'law', 'social_work'),
  u('县委办公室党支部', 'S', 'social_work'),
  u('县人民法院党组', 'L', 'law'),
  u('县公安局党委', 'X', 'public_security', 'emergency'),
  u('县卫健局党组', 'M', 'health', 'elderly_care'),
  u('县住建局党组', 'M', 'construction'),
  u('县教育局党组', 'M', 'education', 'youth'),
  u('县应急管理局党组', 'S', 'emergency'),
  u('县市场监管局党组', 'M', 'law', 'health'),
  u('县自然资源局党组', 'M', 'environment', 'construction'),
  u('县供电公司党委', 'L', 'emergency', 'construction'),
  u('县农商银行党委', 'L', 'finance'),
  u('县第一中学党委', 'X', 'education', 'youth'),
  u('县人大常委会机关党支部', 'S', 'law'),
  u('县政府办公室党支部', 'S', 'social_work'),
  u('县政协机关党支部', 'S', 'culture'),
  u('县纪委监委机关党支部', 'M', 'law'),
  u('县委组织部党支部', 'S', 'social_work', 'youth'),
  u('县委宣传部党支部', 'S', 'culture'),
  u('县委统战部党支部', 'S', 'social_work'),
  u('县委政法委党支部', 'S', 'law', 'public_security'),
  u('县人民检察院党组', 'M', 'law'),
  u('县发展和改革局党组', 'S', 'finance'),
  u('县财政局党组', 'M', 'finance'),
  u('县人社局党组', 'M', 'social_work', 'youth'),
  u('县民政局党组', 'S', 'elderly_care', 'social_work'),
  u('县生态环境局党组', 'S', 'environment'),
  u('县交通运输局党组', 'M', 'construction', 'emergency'),
  u('县水利局党组', 'S', 'environment', 'emergency'),
  u('县农业农村局党组', 'M', 'environment'),
  u('县林业局党组', 'M', 'environment', 'emergency'),
  u('县文体旅游局党组', 'S', 'culture', 'youth'),
  u('县商务局党组', 'S', 'finance'),
  u('县统计局党组', 'S', 'social_work'),
  u('县审计局党组', 'S', 'finance', 'law'),
  u('县医疗保障局党组', 'S', 'health', 'finance'),
  u('县退役军人事务局党组', 'S', 'social_work', 'elderly_care'),
  u('县信访局党支部', 'S', 'social_work', 'law'),
  u('县城市管理局党组', 'L', 'environment', 'construction'),
  u('县行政服务中心党支部', 'S', 'social_work'),
  u('县总工会党组', 'S', 'social_work'),
  u('团县委党支部', 'S', 'youth'),
  u('县妇联党支部', 'S', 'youth', 'social_work'),
  u('县残联党支部', 'S', 'elderly_care', 'social_work'),
  u('县科协党支部', 'S', 'education'),
  u('县文联党支部', 'S', 'culture'),
  u('县红十字会党支部', 'S', 'health', 'emergency'),
  u('县消防救援大队党委', 'M', 'emergency', 'public_security'),
  u('县医院党委', 'X', 'health', 'elderly_care', 'emergency'),
  u('县中医院党委', 'L', 'health', 'elderly_care'),
  u('县妇幼保健院党支部', 'M', 'health', 'youth'),
  u('县疾控中心党支部', 'M', 'health'),
  u('县第二中学党总支', 'L', 'education', 'youth'),
  u('县实验小学党支部', 'L', 'education', 'youth'),
  u('县职业中专学校党总支', 'L', 'education', 'youth'),
  u('县融媒体中心党支部', 'M', 'culture'),
  u('县图书馆党支部', 'S', 'culture', 'education'),
  u('县税务局党委', 'M', 'finance', 'law'),
  u('县烟草专卖局党组', 'M', 'finance'),
  u('县邮政分公司党委', 'M', 'social_work', 'elderly_care'),
  u('县电信分公司党支部', 'S', 'social_work', 'emergency'),
  u('县移动分公司党支部', 'S', 'social_work', 'youth'),
  u('县自来水公司党支部', 'M', 'construction', 'environment'),
  u('县城投集团党委', 'L', 'construction', 'finance'),
  u('县气象局党组', 'S', 'emergency', 'environment'),
  u('县人民武装部党委', 'S', 'emergency', 'public_security'),
  u('县档案馆党支部', 'S', 'culture'),
  u('县机关事务服务中心党支部', 'S', 'social_work'),
  u('县工商联党组', 'S', 'finance'),
  u('县工业和信息化局党组', 'S', 'finance', 'construction'),
  u('县公路事业发展中心党支部', 'M', 'construction', 'emergency'),
  u('县供销合作社党组', 'S', 'finance', 'elderly_care'),
  u('县不动产登记中心党支部', 'S', 'law', 'construction'),
  u('县公证处党支部', 'S', 'law'),
  u('县法律援助中心党支部', 'S', 'law', 'social_work'),
  u('中国银行光泽支行党支部', 'M', 'finance'),
  u('中国农业银行光泽县支行党委', 'M', 'finance'),
  u('中国建设银行光泽支行党支部', 'S', 'finance'),
  u('县委老干部局党支部', 'S', 'elderly_care', 'culture'),
  u('县委党校党支部', 'S', 'education', 'culture'),
  u('县住房公积金管理部党支部', 'S', 'finance', 'construction'),
  u('县公安局交警大队党支部', 'M', 'public_security', 'emergency'),
  u('县社会福利中心党支部', 'S', 'elderly_care', 'social_work', 'health'),
];

export const UNIT_COUNT = 83;

export function unitCode(index: number): string {
  return `U${String(index + 1).padStart(3, '0')}`;
}

export function unitUsername(index: number): string {
  return `unit${String(index + 1).padStart(2, '0')}`;
}
