import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { menuAllows } from '../../../app/menu';
import { RequireAccess } from '../../../app/RequireAuth';

const RatingsPage = lazy(() => import('./RatingsPage'));
const RulesPage = lazy(() => import('./RulesPage'));
const UnitSheetPage = lazy(() => import('./UnitSheetPage'));
const CoveragePage = lazy(() => import('./CoveragePage'));

const PAGES = [
  ['member-ratings', 'ratings', <RatingsPage key="r" />],
  ['member-service-rules', 'serviceRules', <RulesPage key="s" />],
  ['unit-sheet', 'unitSheet', <UnitSheetPage key="u" />],
  ['member-coverage', 'coverage', <CoveragePage key="c" />],
] as const;

/** The ratings' staff pages, each opened on the rule of its menu entry. */
export function ratingRoutes() {
  return PAGES.map(([path, key, page]) => (
    <Route key={path} path={path} element={<RequireAccess allow={menuAllows(key)}>{page}</RequireAccess>} />
  ));
}
