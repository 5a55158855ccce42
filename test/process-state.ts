/**
 * The API suites share one module registry per worker (vitest `isolate: false`, vitest.config.ts): importing the app
 * once instead of once per file saves minutes of CI. Every test file opens its own database, so the process-wide
 * caches that stand for "the database's state" are dropped before each file, as a fresh process would start.
 */
import { forgetSessions } from '../src/modules/auth/auth.sessions.js';
import { forgetCategories } from '../src/modules/cases/cases.categories.js';
import { forgetWorkCalendar } from '../src/modules/cases/cases.clock.js';
import { useShippedModel } from '../src/modules/cases/classifier/classifier.js';
import { invalidateGridLocator } from '../src/modules/grid/grid.locate.js';
import { forgetKeys } from '../src/modules/open311/open311.keys.js';

forgetSessions();
forgetCategories();
forgetWorkCalendar();
useShippedModel();
invalidateGridLocator();
forgetKeys();
