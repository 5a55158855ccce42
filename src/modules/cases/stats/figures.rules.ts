import type { CaseChannel, CountedEvent, StatsWhistle } from '../cases.enums.js';

/*
 * The article's own figures (seed/guangze-six-links.txt, docs/CASES.md "Reading the article's figures"), defined once.
 * Each figure names the cases it counts — their whistle, their channels and the event that puts them in a period —
 * so the statistics (stats/figures.ts) sum exactly those cases' counters and the case list (GET /api/cases with
 * `counted`, `countedFrom`, `countedTo`, `whistle`, `channel`) lists exactly those cases: a figure on a page is a
 * link to its cases. The server and the web import this file (it imports only enum types).
 */

/**
 * 居民说事: the three channels of the article's 居民说事工作机制 (seed/guangze-six-links.txt, "健全居民说事工作机制";
 * ../shared/GLOSSARY.md): the 居民说事厅 (hall), the 说事点 in estates and shops (street_point) and the monthly 入户上门问事
 * of the grid (door_visit). The article's 760 collected / 320 solved are counted there. 随手拍 (snap) is Nanping's own
 * programme, which the article names apart ("结合南平市'随手拍'工作"); online reports and Open311 (12345 hotline,
 * mini-programs) are other channels; they count in every other figure, not in 居民说事 (docs/CASES.md).
 */
export const VOICE_CHANNELS = ['hall', 'street_point', 'door_visit'] as const satisfies readonly CaseChannel[];

export interface FigureDefinition {
  /** The cases' whistle (吹哨); absent = any case, whistled or not. */
  whistle?: StatsWhistle;
  /** The cases' channels; absent = every channel. */
  channels?: readonly CaseChannel[];
  /** What puts a case in the period. */
  event: CountedEvent;
  /** A rate (the share of the counted cases that met the event's condition) or a plain count. */
  kind: 'count' | 'rate';
  /** The goal a rate is held to: the article's "力争吹哨报到响应率、解决率、群众满意度三个100%". */
  target?: number;
}

export const ARTICLE_FIGURES = {
  /** 收集到居民意见建议760余条: cases raised through the residents' channels. */
  voiceRaised: { channels: VOICE_CHANNELS, event: 'reported', kind: 'count' },
  /** 解决问题320余个: of those, the ones the community solved itself (no units whistled in). */
  voiceSolved: { channels: VOICE_CHANNELS, whistle: 'none', event: 'resolved', kind: 'count' },
  /** 响应群众吹哨问题445个. */
  residentWhistles: { whistle: 'resident', event: 'reported', kind: 'count' },
  /** 社区吹哨问题83个. */
  communityWhistles: { whistle: 'community', event: 'reported', kind: 'count' },
  /**
   * 解决群众吹哨问题690个: units' completed dispatches (one per unit per case, so more than the whistled cases); the
   * list shows the whistled cases they belong to.
   */
  whistleSolved: { whistle: 'any', event: 'dispatchDone', kind: 'count' },
  /** 吹哨报到响应率: whistled cases whose response limit fell due, answered (报到) by the limit. */
  whistleResponseRate: { whistle: 'any', event: 'responseDue', kind: 'rate', target: 1 },
  /** 吹哨报到解决率: whistled cases whose resolution limit fell due, resolved now. */
  whistleResolutionRate: { whistle: 'any', event: 'resolutionDue', kind: 'rate', target: 1 },
  /** 群众满意度 of 吹哨报到: ratings of whistled cases given in the period. */
  whistleSatisfactionRate: { whistle: 'any', event: 'rated', kind: 'rate', target: 1 },
} as const satisfies Record<string, FigureDefinition>;

export type ArticleFigure = keyof typeof ARTICLE_FIGURES;
export const ARTICLE_FIGURE_KEYS = Object.keys(ARTICLE_FIGURES) as ArticleFigure[];

/**
 * The case-list query (GET /api/cases) that lists exactly the cases a figure counts in the local days [from, to]:
 * the web's click-through and the tests use it.
 */
export function figureListQuery(figure: ArticleFigure, period: { from: string; to: string }): Record<string, string> {
  const d: FigureDefinition = ARTICLE_FIGURES[figure];
  const q: Record<string, string> = { counted: d.event, countedFrom: period.from, countedTo: period.to };
  if (d.whistle) q.whistle = d.whistle;
  if (d.channels) q.channel = d.channels.join(',');
  return q;
}
