/**
 * What the demo's year of cases looks like (seed data, tuned to the article's figures; docs/CASES.md "Demo data").
 *
 * The article (seed/guangze-six-links.txt), "今年以来": 760+ residents' opinions and suggestions collected, 320+
 * problems solved; 445 residents' whistles and 83 community whistles answered, 690 whistle problems solved; response,
 * resolution and satisfaction rates of 100 % for 吹哨报到. Read as the product computes it, for 2026:
 *   760 = cases raised through the three 居民说事 channels (说事厅 hall, 说事点 street point, 入户问事 door visit;
 *   VOICE_CHANNELS in cases/stats/figures.rules.ts), of which 445 were whistled to units (群众吹哨) and the rest (~330)
 *   handled by the community itself, which solved ~320 (resolved in 2026, including December's carry-over); 83
 *   community whistles (社区吹哨) on top; 690 = units' dispatches completed (办结) in 2026 — a whistle calls in one unit
 *   or several, each of which reports done. Nanping's 随手拍 (snap) and online reports are a programme of their own
 *   (the article names 随手拍 apart), so the demo adds them on top of the 760, handled by the community.
 */

/**
 * Cases reported over the demo's year (DemoTime: from the 1st of the month eleven months back to yesterday) by kind,
 * exactly: the article's figures are the product's figures for the year up to the demo's first day.
 */
export const YEAR_TARGETS = {
  /** Handled by the community, through the 居民说事 channels (~320 solved in the year). */
  suggestions: 340,
  residentWhistles: 445,
  communityWhistles: 83,
  /** 随手拍 and online reports (not 居民说事), handled by the community like suggestions. */
  photoReports: 160,
} as const;

/** Days before the demo's first day on which the demo logins' own cases were reported (see DemoCaseBuilder.specials). */
export const SPECIAL_DAYS = {
  resident01: [-295, -197, -99, -2],
  member01: [-230, -42],
  /** grid01's open work: accepted, acknowledged and just reported. */
  grid01: [-5, -2, -1],
} as const;

/**
 * unit01's open whistles, in *working* days before the demo's first day: one dispatched and one acknowledged. Staff
 * act in working time, so a whistle reported on a weekend or holiday is accepted and dispatched on the next working
 * day — for a first start on a Monday, not before now. Reported two working days back, the whistle is dispatched by
 * the last working day at the latest (acceptance and dispatch take at most 150 working minutes), and its units' 报到
 * limit (24 working hours) still lies ahead, so the unanswered dispatch misses no response target (the whistle
 * response rate stays the article's 100 %); the acknowledged one is reported three working days back (its 报到 comes
 * within 240 working minutes of the dispatch).
 */
export const UNIT01_WORKING_DAYS_BACK = { dispatched: 2, acknowledged: 3 } as const;

export type CaseKind = 'suggestion' | 'residentWhistle' | 'communityWhistle';

/** Residents' channels: the 居民说事 ones (suggestions and resident whistles) and the 随手拍 / online programme. */
export const RESIDENT_CHANNELS = ['hall', 'street_point', 'door_visit', 'snap', 'online'] as const;
export type ResidentChannel = (typeof RESIDENT_CHANNELS)[number];
export type Programme = 'voice' | 'photo';
export const PROGRAMME_CHANNELS: Record<Programme, readonly ResidentChannel[]> = {
  voice: ['hall', 'street_point', 'door_visit'],
  photo: ['snap', 'online'],
};
/** Shares within a programme on a working day or not (halls close at weekends, phones do not). */
export const CHANNEL_WEIGHTS: Record<'weekday' | 'weekend', Record<ResidentChannel, number>> = {
  weekday: { hall: 24, street_point: 18, door_visit: 20, snap: 24, online: 14 },
  weekend: { hall: 4, street_point: 10, door_visit: 16, snap: 45, online: 25 },
};

/** Month-of-year seasonality (flood season and summer noise up, Spring Festival down). */
export const MONTH_WEIGHTS = [0.85, 0.7, 0.95, 1, 1.05, 1.15, 1.2, 1.15, 1, 0.9, 1, 0.9];
export const WEEKEND_WEIGHT = 0.45;
export const HOLIDAY_WEIGHT = 0.3;

/**
 * Sub-category weights per kind of case. Suggestions are everyday matters the grid handles; residents' whistles
 * are what needs a department; community whistles are the community's own calls (illegal building, floods…).
 */
export const CATEGORY_WEIGHTS: Record<CaseKind, Record<string, number>> = {
  suggestion: {
    'environment.garbage': 9,
    'environment.sanitation': 6,
    'environment.noise': 4,
    'environment.pollution': 2,
    'facilities.streetlight': 7,
    'facilities.road': 4,
    'facilities.drainage': 4,
    'facilities.utilities': 3,
    'facilities.amenities': 5,
    'property.service': 7,
    'property.fees': 3,
    'property.elevator': 2,
    'property.renovation': 2,
    'neighbour.noise': 5,
    'neighbour.leak': 3,
    'neighbour.occupation': 4,
    'neighbour.pets': 4,
    'security.theft': 1,
    'security.fraud': 2,
    'security.disorder': 1,
    'livelihood.elderly': 5,
    'livelihood.assistance': 4,
    'livelihood.medical': 3,
    'livelihood.employment': 2,
    'livelihood.children': 3,
    'traffic.parking': 6,
    'traffic.ebike': 4,
    'traffic.roadsafety': 2,
    'safety.gas': 1,
    'safety.fire': 2,
    'safety.flood': 1,
    'safety.building': 1,
    'policy.household': 3,
    'policy.social_security': 3,
    'policy.housing': 2,
    'civility.stalls': 2,
    'civility.illegal_building': 1,
    'civility.behaviour': 3,
  },
  residentWhistle: {
    'environment.garbage': 3,
    'environment.sanitation': 3,
    'environment.noise': 4,
    'environment.pollution': 5,
    'facilities.streetlight': 6,
    'facilities.road': 7,
    'facilities.drainage': 7,
    'facilities.utilities': 6,
    'facilities.amenities': 4,
    'property.service': 3,
    'property.fees': 3,
    'property.elevator': 4,
    'property.renovation': 5,
    'neighbour.noise': 2,
    'neighbour.leak': 4,
    'neighbour.occupation': 3,
    'neighbour.pets': 1,
    'security.theft': 2,
    'security.fraud': 2,
    'security.disorder': 2,
    'livelihood.elderly': 3,
    'livelihood.assistance': 3,
    'livelihood.medical': 3,
    'livelihood.employment': 3,
    'livelihood.children': 2,
    'traffic.parking': 4,
    'traffic.ebike': 4,
    'traffic.roadsafety': 4,
    'safety.gas': 2,
    'safety.fire': 3,
    'safety.flood': 3,
    'safety.building': 2,
    'policy.household': 1,
    'policy.social_security': 1,
    'policy.housing': 2,
    'civility.stalls': 3,
    'civility.illegal_building': 3,
    'civility.behaviour': 1,
  },
  communityWhistle: {
    'civility.illegal_building': 6,
    'civility.stalls': 4,
    'safety.flood': 6,
    'safety.fire': 4,
    'safety.building': 3,
    'property.renovation': 5,
    'environment.sanitation': 4,
    'environment.pollution': 3,
    'traffic.roadsafety': 4,
    'traffic.parking': 2,
    'facilities.road': 4,
    'facilities.drainage': 4,
    'livelihood.elderly': 2,
    'security.disorder': 2,
  },
};

/** How many units a whistle calls in: [count, weight]. */
export const UNITS_PER_WHISTLE: Record<'residentWhistle' | 'communityWhistle', readonly (readonly [number, number])[]> =
  {
    residentWhistle: [
      [1, 86],
      [2, 12],
      [3, 2],
    ],
    communityWhistle: [
      [1, 20],
      [2, 50],
      [3, 25],
      [4, 5],
    ],
  };

/** Outcomes of the community's own handling (suggestions); whistles are all answered and solved in time. */
export const SUGGESTION_ODDS = {
  rejected: 0.035,
  returned: 0.02,
  lateResponse: 0.04,
  overdue: 0.06,
  failVerification: 0.015,
  rated: 0.82,
  reopenWhenUnsatisfied: 0.4,
  need: 0.12,
} as const;
export const SATISFACTION_WEIGHTS = { suggestion: [78, 17, 5], whistle: [90, 10, 0] } as const;
export const WHISTLE_RATED = 0.9;

/** A few reports "same as" an open case nearby, merged into it (they count once). */
export const MERGED_DUPLICATES = 9;

/** Demo logins that must find something in their lists. */
export const RESIDENT01_REPORTS = 4;
export const MEMBER01_REPORTS = 2;
export const UNIT01_MIN_WHISTLES = 8;

/** What the handling staff wrote: a resolution note per top-level category, and reasons for rejecting. */
export const RESOLUTION_NOTES: Record<string, readonly string[]> = {
  environment: [
    '已联系环卫所清运，现场已清理干净',
    '已约谈商户整改，并安排人员跟踪复查',
    '已设置提示牌，网格员每日巡查',
  ],
  facilities: ['已报修并完成更换，现场恢复正常', '已联系维修单位抢修完毕', '已修复并做好安全围挡'],
  property: ['已约谈物业公司，限期整改到位', '已召开业主协商会，达成处理意见', '已列入改造计划并向居民公示'],
  neighbour: ['已组织双方调解，达成一致意见', '已上门沟通，当事人承诺整改', '已联合物业现场处理'],
  security: ['已联系派出所处置，并加强夜间巡逻', '已开展防诈宣传并协助报警', '已排查处理，张贴安全提示'],
  livelihood: ['已上门了解情况并协助办理', '已对接相关部门，落实帮扶措施', '已纳入社区关爱名单定期走访'],
  traffic: ['已协调规范停放，设置提示标识', '已联系交警部门现场处置', '已增设充电设施并清理楼道充电'],
  safety: ['已排除隐患，并张贴安全提示', '已联系燃气公司检修完毕', '已疏通排水，安排专人值守'],
  policy: ['已电话答复政策口径并告知办理流程', '已陪同居民到服务大厅办理', '已发放政策明白纸并当面解答'],
  civility: ['已联合城管劝导整改', '已拆除违章部分并恢复原状', '已开展文明劝导并持续跟踪'],
};
export const REJECT_REASONS = [
  '不属于社区职责范围，已告知居民向相关部门反映',
  '反映事项已另案受理，不再重复立案',
  '信息不全，多次联系反映人未果',
];
