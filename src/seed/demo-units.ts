/**
 * The 83 county agency Party organisations of the demo (seed data; fictional but plausible). Each has a size
 * class for its staff headcount and 1–3 strengths consistent with what the agency does.
 */
import { STRENGTHS, type Strength } from '../modules/org/org.enums.js';

/** The demo units draw their strengths from the one vocabulary pairing matches against (org.enums.ts). */
export const UNIT_STRENGTHS = STRENGTHS;
export type UnitStrength = Strength;

/** Staff headcount ranges: small offices, mid-size bureaus, large bureaus/schools, the biggest employers. */
export const UNIT_SIZES = { S: [10, 45], M: [40, 110], L: [100, 200], X: [200, 300] } as const;
export type UnitSize = keyof typeof UNIT_SIZES;

export interface UnitDef {
  name: string;
  size: UnitSize;
  strengths: readonly UnitStrength[];
}

/**
 * In code order: the first is U001, the unit paired with 杭东社区 whose admin is the demo login unit01. One unit a
 * line — name, size class, strengths — kept as a table because it is data; parseUnits checks every word against
 * UNIT_SIZES and the strengths vocabulary when the module loads.
 */
const UNIT_TABLE = `
县司法局党组 M law social_work
县委办公室党支部 S social_work
县人民法院党组 L law
县公安局党委 X public_security emergency
县卫健局党组 M health elderly_care
县住建局党组 M construction
县教育局党组 M education youth
县应急管理局党组 S emergency
县市场监管局党组 M law health
县自然资源局党组 M environment construction
县供电公司党委 L emergency construction
县农商银行党委 L finance
县第一中学党委 X education youth
县人大常委会机关党支部 S law
县政府办公室党支部 S social_work
县政协机关党支部 S culture
县纪委监委机关党支部 M law
县委组织部党支部 S social_work youth
县委宣传部党支部 S culture
县委统战部党支部 S social_work
县委政法委党支部 S law public_security
县人民检察院党组 M law
县发展和改革局党组 S finance
县财政局党组 M finance
县人社局党组 M social_work youth
县民政局党组 S elderly_care social_work
县生态环境局党组 S environment
县交通运输局党组 M construction emergency
县水利局党组 S environment emergency
县农业农村局党组 M environment
县林业局党组 M environment emergency
县文体旅游局党组 S culture youth
县商务局党组 S finance
县统计局党组 S social_work
县审计局党组 S finance law
县医疗保障局党组 S health finance
县退役军人事务局党组 S social_work elderly_care
县信访局党支部 S social_work law
县城市管理局党组 L environment construction
县行政服务中心党支部 S social_work
县总工会党组 S social_work
团县委党支部 S youth
县妇联党支部 S youth social_work
县残联党支部 S elderly_care social_work
县科协党支部 S education
县文联党支部 S culture
县红十字会党支部 S health emergency
县消防救援大队党委 M emergency public_security
县医院党委 X health elderly_care emergency
县中医院党委 L health elderly_care
县妇幼保健院党支部 M health youth
县疾控中心党支部 M health
县第二中学党总支 L education youth
县实验小学党支部 L education youth
县职业中专学校党总支 L education youth
县融媒体中心党支部 M culture
县图书馆党支部 S culture education
县税务局党委 M finance law
县烟草专卖局党组 M finance
县邮政分公司党委 M social_work elderly_care
县电信分公司党支部 S social_work emergency
县移动分公司党支部 S social_work youth
县自来水公司党支部 M construction environment
县城投集团党委 L construction finance
县气象局党组 S emergency environment
县人民武装部党委 S emergency public_security
县档案馆党支部 S culture
县机关事务服务中心党支部 S social_work
县工商联党组 S finance
县工业和信息化局党组 S finance construction
县公路事业发展中心党支部 M construction emergency
县供销合作社党组 S finance elderly_care
县不动产登记中心党支部 S law construction
县公证处党支部 S law
县法律援助中心党支部 S law social_work
中国银行光泽支行党支部 M finance
中国农业银行光泽县支行党委 M finance
中国建设银行光泽支行党支部 S finance
县委老干部局党支部 S elderly_care culture
县委党校党支部 S education culture
县住房公积金管理部党支部 S finance construction
县公安局交警大队党支部 M public_security emergency
县社会福利中心党支部 S elderly_care social_work health
`;

function parseUnits(table: string): UnitDef[] {
  const isSize = (word: string): word is UnitSize => word in UNIT_SIZES;
  const isStrength = (word: string): word is UnitStrength => (STRENGTHS as readonly string[]).includes(word);
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [name, size, ...strengths] = line.split(' ');
      if (!isSize(size) || strengths.length === 0 || !strengths.every(isStrength)) {
        throw new Error(`demo-units: bad line "${line}"`);
      }
      return { name, size, strengths };
    });
}

export const UNIT_DEFS: readonly UnitDef[] = parseUnits(UNIT_TABLE);

export const UNIT_COUNT = 83;

export function unitCode(index: number): string {
  return `U${String(index + 1).padStart(3, '0')}`;
}

export function unitUsername(index: number): string {
  return `unit${String(index + 1).padStart(2, '0')}`;
}
