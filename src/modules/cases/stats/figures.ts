import type { StatsWhistle } from '../cases.enums.js';
import { ARTICLE_FIGURE_KEYS, ARTICLE_FIGURES, type FigureDefinition } from './figures.rules.js';
import { addCounters, type Counters, emptyCounters, type StatsWeights, statsRow } from './rates.js';
import type { ArticleFigures, Figure } from './stats.contracts.js';

/*
 * The article's figures (figures.rules.ts) from the ordinary statistics: counters per channel for each whistle of a
 * partition (none, resident, community), so that every figure — whatever whistle and channels it names — is a sum
 * of cells, and the rates are the ordinary rates (rates.ts) over that sum. Three grouped reads, each answered by the
 * rollup where the ordinary statistics are.
 */

/** Every case has exactly one of these whistles (null = 'none'). */
const PARTITION = ['none', 'resident', 'community'] as const;

const covers = (w: StatsWhistle | undefined, part: (typeof PARTITION)[number]) =>
  w === undefined || w === part || (w === 'any' && part !== 'none');

const countOf = (count: number): Figure => ({ count, hits: null, rate: null, target: null });

/** A figure's value from the counters of exactly the cases it counts. */
function figureOf(d: FigureDefinition, c: Counters, weights: StatsWeights): Figure {
  const row = statsRow(c, weights);
  const target = d.target ?? null;
  switch (d.event) {
    case 'reported':
      return countOf(c.raised);
    case 'resolved':
      return countOf(c.resolved);
    case 'dispatchDone':
      return countOf(c.dispatchesDone);
    case 'responseDue':
      return { count: c.responseDue, hits: c.respondedOnTime, rate: row.responseRate, target };
    case 'resolutionDue':
      return { count: c.resolutionDue, hits: c.resolvedOfDue, rate: row.resolutionRate, target };
    case 'rated':
      return {
        count: c.rated,
        hits: c.satisfied + weights.basic * c.basicallySatisfied,
        rate: row.satisfactionRate,
        target,
      };
  }
}

/**
 * The article's figures. `channelCounters(whistle)` gives the counters per channel of the cases with that whistle,
 * over the caller's actor, filters and period (stats.ts).
 */
export async function articleFigures(
  channelCounters: (whistle: StatsWhistle) => Promise<Map<string, Counters>>,
  weights: StatsWeights,
): Promise<ArticleFigures> {
  const cells: Map<string, Counters>[] = [];
  // One after another: PGlite has one connection, and on PostgreSQL each read is a few milliseconds.
  for (const part of PARTITION) cells.push(await channelCounters(part));
  const out: Partial<ArticleFigures> = {};
  for (const key of ARTICLE_FIGURE_KEYS) {
    const d: FigureDefinition = ARTICLE_FIGURES[key];
    const sum = emptyCounters();
    PARTITION.forEach((part, i) => {
      if (!covers(d.whistle, part)) return;
      for (const [channel, c] of cells[i])
        if (!d.channels || (d.channels as readonly string[]).includes(channel)) addCounters(sum, c);
    });
    out[key] = figureOf(d, sum, weights);
  }
  return out as ArticleFigures;
}
