import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { menuAllows } from '../../../app/menu';
import { RequireAccess } from '../../../app/RequireAuth';

const PostsPage = lazy(() => import('./PostsPage'));

/** 岗位设置, opened on the rule of its menu entry (memberservice.read). */
export function postRoutes() {
  return (
    <Route
      path="posts"
      element={
        <RequireAccess allow={menuAllows('posts')}>
          <PostsPage />
        </RequireAccess>
      }
    />
  );
}
