import { type TableColumnsType, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../api/contracts';
import { labelOf, type useI18n } from '../../i18n';
import { formatDateTime } from '../../ui/format';

type Translate = ReturnType<typeof useI18n>['t'];

/** The pages a record opens on, where it has one. */
const RECORD_PAGES: Record<string, (id: string) => string> = {
  case: (id) => `/cases/${id}`,
  person: (id) => `/people?person=${id}`,
  project: (id) => `/cobuild/projects/${id}`,
  joint_meeting: (id) => `/cobuild/meetings/${id}`,
  service_day: (id) => `/cobuild/service-days/${id}`,
  evaluation_session: (id) => `/evaluations/${id}`,
};

/** The record: its type, and its name or number (its id on hover, and as the text when it cannot be named). */
function RecordCell({ r }: { r: AuditEntry }) {
  const type = labelOf('entityType', r.entityType);
  if (!r.entityId) return <>{type}</>;
  const name = r.entityLabel ?? r.entityId;
  const page = r.entityLabel ? RECORD_PAGES[r.entityType] : undefined;
  return (
    <Tooltip title={r.entityId}>
      <Typography.Text type="secondary">{type} </Typography.Text>
      {page ? (
        <Link to={page(r.entityId)}>{name}</Link>
      ) : (
        <span className={r.entityLabel ? undefined : 'mono'}>{name}</span>
      )}
    </Tooltip>
  );
}

/** Time, action and record always; the user from a tablet, the address from a laptop up. Long names end in … with the whole on hover. */
export function auditColumns(t: Translate): TableColumnsType<AuditEntry> {
  return [
    { key: 'at', title: t('audit.at'), width: 160, render: (_, r) => formatDateTime(r.at) },
    {
      key: 'actor',
      title: t('audit.actor'),
      width: 200,
      ellipsis: { showTitle: true },
      responsive: ['md'],
      render: (_, r) => r.actorLabel ?? r.actorName ?? t('audit.system'),
    },
    {
      key: 'action',
      title: t('audit.action'),
      ellipsis: { showTitle: true },
      render: (_, r) => labelOf('auditAction', r.action),
    },
    { key: 'entity', title: t('audit.record'), ellipsis: true, render: (_, r) => <RecordCell r={r} /> },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', width: 140, responsive: ['lg'] },
  ];
}
