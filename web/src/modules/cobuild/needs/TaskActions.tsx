import { Button, Flex, Popconfirm } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import type { NeedTaskView } from './api';

/** A follow-up task's moves (start, done, cancel) and its project: the link, or the button that makes one. */
export function TaskActions({
  task: x,
  onMove,
  onProject,
}: {
  task: NeedTaskView;
  onMove: (x: NeedTaskView, s: string) => Promise<void>;
  onProject: (x: NeedTaskView) => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const live = x.status === 'open' || x.status === 'in_progress';
  return (
    <Flex gap={4} wrap>
      {x.status === 'open' && (
        <Button size="small" onClick={() => void onMove(x, 'in_progress')}>
          {t('needs.task.start')}
        </Button>
      )}
      {live && (
        <Button size="small" type="primary" onClick={() => void onMove(x, 'done')}>
          {t('needs.task.done')}
        </Button>
      )}
      {live && (
        <Popconfirm
          title={t('needs.task.cancelConfirm')}
          onConfirm={() => onMove(x, 'cancelled')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
        >
          <Button size="small" danger>
            {t('needs.task.cancel')}
          </Button>
        </Popconfirm>
      )}
      {x.projectId ? (
        <Link to={`/cobuild/projects/${x.projectId}`}>{t('needs.task.project')}</Link>
      ) : (
        can('projects.write') &&
        can('matching.run') &&
        x.status !== 'cancelled' && (
          <Button size="small" type="link" onClick={() => onProject(x)}>
            {t('needs.task.toProject')}
          </Button>
        )
      )}
    </Flex>
  );
}
