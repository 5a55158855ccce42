/**
 * The value lists of cases, defined once. This file imports nothing (no zod, no database), so the schema's pgEnums,
 * the zod contracts, the state machine and the web app all read the same lists. Order matters: pgEnum values are
 * created in this order, and the web shows options in it.
 */

export const CASE_STATUSES = [
  'reported',
  'accepted',
  'rejected',
  'dispatched',
  'acknowledged',
  'in_progress',
  'resolved',
  'verified',
  'closed',
  'rated',
  'returned',
  'reopened',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Not yet closed, rated or rejected: what lists and the map call "open". */
export const OPEN_CASE_STATUSES = [
  'reported',
  'accepted',
  'dispatched',
  'acknowledged',
  'in_progress',
  'returned',
  'reopened',
  'resolved',
  'verified',
] as const satisfies readonly CaseStatus[];

/** open311: raised by an outside system (the 12345 hotline, a mini-program) through Open311 GeoReport v2 (docs/OPEN311.md). */
export const CASE_CHANNELS = [
  'hall',
  'street_point',
  'door_visit',
  'snap',
  'online',
  'community_whistle',
  'open311',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** Channels only staff record (on a resident's behalf, or the community's own whistle); cases.policy.ts enforces it. */
export const STAFF_CHANNELS = [
  'hall',
  'door_visit',
  'street_point',
  'community_whistle',
] as const satisfies readonly CaseChannel[];

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'dispatch',
  'acknowledge',
  'start',
  'resolve',
  'return',
  'verify',
  'fail_verification',
  'close',
  'rate',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const CASE_PRIORITIES = ['urgent', 'ordinary', 'complex'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/**
 * A unit's dispatch row (吹哨报到) from pending to done, or returned; declined = refused before reporting (报到);
 * reopened = it was done, but the case came back unsolved (failed verification, or reopened after an unsatisfied
 * rating), so it no longer counts as done until the unit is called in again and finishes (resident/rating.ts).
 */
export const DISPATCH_STATUSES = [
  'pending',
  'acknowledged',
  'on_site',
  'done',
  'returned',
  'declined',
  'reopened',
] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

/**
 * The steps a unit takes on its dispatch row: report (报到), arrive on site, finish, send it back, or decline it
 * (before reporting, with a reason). The community's 代报到 (proxy_acknowledge) is not a unit step: its own route.
 */
export const DISPATCH_STEPS = ['acknowledge', 'arrive', 'done', 'return', 'decline'] as const;
export type DispatchStep = (typeof DISPATCH_STEPS)[number];

/** Dispatch rows whose unit no longer holds the case (sent back, or declined). */
export const DISPATCH_RELEASED = ['returned', 'declined'] as const satisfies readonly DispatchStatus[];

/** How /api/cases/stats may group its rows. */
export const STATS_GROUP_BY = ['community', 'grid', 'unit', 'category', 'month', 'channel'] as const;
export type StatsGroupBy = (typeof STATS_GROUP_BY)[number];

/** The stats filter on whistled cases: any, resident (群众吹哨), community (社区吹哨) or none. */
export const STATS_WHISTLE = ['any', 'resident', 'community', 'none'] as const;
export type StatsWhistle = (typeof STATS_WHISTLE)[number];

/**
 * The events a statistic counts a case by, each by the local day it happened in the period (docs/CASES.md
 * "Definitions"): reported, resolved (its current resolution), a unit's dispatch completed (办结), a response or
 * resolution limit falling due (up to now; rejected cases have none), a rating given. The case list's `counted`
 * filter takes them, so a figure links to exactly the cases it counts (stats/figures.rules.ts).
 */
export const COUNTED_EVENTS = [
  'reported',
  'resolved',
  'dispatchDone',
  'responseDue',
  'resolutionDue',
  'rated',
] as const;
export type CountedEvent = (typeof COUNTED_EVENTS)[number];
