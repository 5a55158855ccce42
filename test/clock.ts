/**
 * Every test file starts with business time pinned (vitest setupFiles), so no test reads the wall clock.
 * `TEST_CLOCK` chooses the instant; scripts/test-all.mjs runs the suites again at instants chosen to break things
 * (a new year that has begun in the county but not in UTC, a leap day, a 20th of the month).
 */
import { setClock } from '../src/core/clock.js';

/** The instant the suites run at when TEST_CLOCK is not set. */
export const DEFAULT_TEST_CLOCK = '2026-12-07T10:00:00+08:00';

export const TEST_CLOCK = process.env.TEST_CLOCK || DEFAULT_TEST_CLOCK;

setClock(TEST_CLOCK);
