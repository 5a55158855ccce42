import { type Rng, WeightedTable } from './rng.js';

/**
 * Fictional identities for the demo: Chinese names with a surname mix plausible for northern Fujian, mobile
 * numbers, and resident ID numbers (GB 11643) with the Guangze region prefix and a correct check digit.
 */

/** Surname and relative frequency (per mille, roughly Fujian's ranking). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['陈', 110],
  ['林', 95],
  ['黄', 60],
  ['张', 45],
  ['李', 42],
  ['王', 40],
  ['吴', 38],
  ['刘', 32],
  ['蔡', 25],
  ['杨', 24],
  ['郑', 24],
  ['谢', 20],
  ['许', 16],
  ['曾', 15],
  ['郭', 15],
  ['邱', 14],
  ['罗', 13],
  ['何', 12],
  ['徐', 12],
  ['周', 12],
  ['傅', 10],
  ['江', 10],
  ['游', 9],
  ['詹', 9],
  ['邓', 9],
  ['朱', 9],
  ['范', 8],
  ['叶', 8],
  ['魏', 8],
  ['余', 8],
  ['肖', 7],
  ['廖', 7],
  ['赖', 7],
  ['潘', 6],
  ['胡', 6],
  ['柯', 5],
  ['严', 5],
  ['卢', 5],
  ['彭', 5],
  ['饶', 5],
  ['龚', 4],
  ['熊', 4],
  ['危', 4],
  ['官', 4],
  ['上官', 3],
  ['丁', 3],
  ['高', 3],
  ['孙', 3],
  ['宋', 3],
  ['方', 3],
  ['苏', 3],
  ['洪', 3],
  ['涂', 3],
  ['兰', 2],
  ['温', 2],
  ['曹', 2],
];
const SURNAME_TABLE = new WeightedTable(
  SURNAMES.map(([s]) => s),
  SURNAMES.map(([, w]) => w),
);

const MALE_CHARS = [
  ...'伟强军建国明华平志勇文斌俊杰涛磊鹏辉宏波毅峰海东林鑫荣福昌顺永德庆祥兴瑞清泉榕晖晨宇浩然子轩博睿承泽宸铭',
];
const FEMALE_CHARS = [...'秀英丽芳娟敏静燕玲婷霞红梅兰凤琴雪莉萍慧颖欣怡佳琳雅璐晓蓉倩思涵诗梓萱可馨月婉珍瑶菁'];

export type Gender = 'male' | 'female';

export function personName(rng: Rng, gender: Gender): string {
  const surname = SURNAME_TABLE.pick(rng);
  const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.chance(0.22) ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
  return surname + given;
}

const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];

/** An 11-digit mobile number, unique within `taken`. */
export function mobilePhone(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const phone = rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** True for an 18-character ID number with a real birth date and a correct check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth) return false;
  return idCheckDigit(id.slice(0, 17)) === id[17];
}

/** A Guangze (350723) ID number for this birth date and gender (odd sequence = male), unique within `taken`. */
export function idNumber(rng: Rng, birthDate: string, gender: Gender, taken: Set<string>): string {
  const ymd = birthDate.replaceAll('-', '');
  for (;;) {
    const area = rng.int(0, 99);
    const last = rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0);
    const first17 = `350723${ymd}${String(area).padStart(2, '0')}${last}`;
    const id = first17 + idCheckDigit(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Days since 1970-01-01 of an ISO date (Howard Hinnant's days_from_civil; no Date objects, so it is fast). */
function dayNumber(iso: string): number {
  const m = Number(iso.slice(5, 7));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + Number(iso.slice(8, 10)) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The ISO date of a day number (civil_from_days). */
function isoDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** An ISO date (YYYY-MM-DD) uniformly between two ISO dates, inclusive. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = dayNumber(from);
  return isoDate(a + rng.int(0, dayNumber(to) - a));
}

/** Adds whole years to an ISO date (29 February becomes 28 February). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}
