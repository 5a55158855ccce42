import { Tag } from 'antd';
import { useI18n } from '../../../i18n';
import { STATUS_COLOURS, statusKey, type ServiceDayStatus, useKindName } from './api';

export function StatusTag({ status }: { status: ServiceDayStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={`day-status-${status}`}>
      {t(statusKey(status))}
    </Tag>
  );
}

/** The kinds of a day as tags (the first `max`, then "+n"). */
export function KindTags({ codes, max = 99 }: { codes: string[]; max?: number }) {
  const name = useKindName();
  return (
    <span className="sd-kinds">
      {codes.slice(0, max).map((c) => (
        <Tag key={c} color="gold" style={{ marginBottom: 4 }}>
          {name(c)}
        </Tag>
      ))}
      {codes.length > max && <Tag>+{codes.length - max}</Tag>}
    </span>
  );
}
