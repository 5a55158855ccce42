import { Tag } from 'antd';
import { labelOf, type LabelGroup } from '../i18n';

const COLOURS: Partial<Record<LabelGroup, Record<string, string>>> = {
  orgKind: { county: 'red', town: 'volcano', community: 'gold', branch: 'orange', unit: 'blue' },
  gridLevel: { '1': 'red', '2': 'orange', '3': 'gold', '4': 'green' },
  gridLevelShort: { '1': 'red', '2': 'orange', '3': 'gold', '4': 'green' },
  memberKind: { in_service: 'red', mobile: 'purple', retired: 'default', ordinary: 'orange' },
  role: { county_admin: 'red', community_admin: 'volcano', grid_worker: 'orange', unit_admin: 'blue' },
  dutyRole: { community_secretary: 'red', grid_worker: 'orange', in_service_member: 'volcano' },
  caseStatus: {
    reported: 'gold',
    accepted: 'blue',
    rejected: 'default',
    dispatched: 'geekblue',
    acknowledged: 'cyan',
    in_progress: 'processing',
    resolved: 'lime',
    verified: 'green',
    closed: 'success',
    rated: 'success',
    returned: 'orange',
    reopened: 'magenta',
  },
  casePriority: { urgent: 'red', ordinary: 'default', complex: 'purple' },
  caseChannel: {
    snap: 'volcano',
    online: 'blue',
    hall: 'gold',
    street_point: 'orange',
    door_visit: 'green',
    community_whistle: 'red',
    open311: 'geekblue',
  },
  dispatchStatus: { pending: 'gold', acknowledged: 'cyan', on_site: 'processing', done: 'success', returned: 'orange' },
  satisfaction: { satisfied: 'success', basically_satisfied: 'blue', unsatisfied: 'red' },
  verdict: { satisfied: 'success', basically_satisfied: 'blue', unsatisfied: 'red', pending: 'default' },
  whistle: { resident: 'volcano', community: 'red' },
  evaluationStatus: { draft: 'gold', planned: 'gold', open: 'processing', held: 'success' },
};

/** A coloured tag with the translated label of an enum value. */
export function EnumTag({ group, value }: { group: LabelGroup; value: string | number | null | undefined }) {
  if (value === null || value === undefined || value === '') return <span>—</span>;
  const colour = COLOURS[group]?.[String(value)] ?? 'default';
  return <Tag color={colour}>{labelOf(group, value)}</Tag>;
}
