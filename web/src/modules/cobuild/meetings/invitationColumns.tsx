import { CheckOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { InvitationView, MeetingDetail } from './api';
import type { InvitationDialogKind } from './InvitationDialog';

type T = ReturnType<typeof useI18n>['t'];

interface Acts {
  /** Opens one of the invitation dialogs. */
  open: (d: InvitationDialogKind) => void;
  /** Sends a write and says how it went. */
  run: (p: Promise<unknown>) => Promise<void>;
  markAbsent: (unitId: string) => Promise<unknown>;
  confirm: (unitId: string) => Promise<unknown>;
}

function ResponseTag({ u }: { u: InvitationView }) {
  const { t } = useI18n();
  const colour = u.response === 'accepted' ? 'green' : u.response === 'declined' ? 'orange' : 'default';
  const key =
    u.response === 'accepted' ? 'responseAccepted' : u.response === 'declined' ? 'responseDeclined' : 'responsePending';
  return <Tag color={colour}>{t(`meetings.${key}`)}</Tag>;
}

/** Staff check units in before and at the meeting; a unit admin answers before it and confirms after. */
function InvitationActions({ m, u, acts }: { m: MeetingDetail; u: InvitationView; acts: Acts }) {
  const { t } = useI18n();
  const before = m.status === 'proposed' || m.status === 'scheduled';
  const atOrAfter = m.status === 'scheduled' || m.status === 'held';
  const mine = m.can.respondFor.includes(u.unitId);
  return (
    <Space size={4} orientation="vertical" align="start">
      {m.can.manage && atOrAfter && (
        <Button
          size="small"
          onClick={() => acts.open({ kind: 'checkin', unit: u })}
          data-testid={`checkin-${u.unitId}`}
        >
          {t('meetings.checkIn')}
        </Button>
      )}
      {m.can.manage && atOrAfter && u.attended && (
        <Popconfirm
          title={t('meetings.markAbsent')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => acts.run(acts.markAbsent(u.unitId))}
        >
          <Button size="small" type="link" danger>
            {t('meetings.markAbsent')}
          </Button>
        </Popconfirm>
      )}
      {mine && before && (
        <Button
          size="small"
          onClick={() => acts.open({ kind: 'respond', unit: u, response: 'accepted' })}
          data-testid={`accept-${u.unitId}`}
        >
          {t('meetings.accept')}
        </Button>
      )}
      {mine && before && (
        <Button size="small" onClick={() => acts.open({ kind: 'respond', unit: u, response: 'declined' })}>
          {t('meetings.decline')}
        </Button>
      )}
      {mine && atOrAfter && !u.confirmedAt && (
        <Button
          size="small"
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => void acts.run(acts.confirm(u.unitId))}
          data-testid={`confirm-${u.unitId}`}
        >
          {t('meetings.confirmAttendance')}
        </Button>
      )}
    </Space>
  );
}

/** The invitations table: the unit with its answer, its attendance (who came, confirmed), and what may be done. */
export function invitationColumns(t: T, m: MeetingDetail, acts: Acts): TableColumnsType<InvitationView> {
  return [
    {
      key: 'unit',
      title: t('meetings.unit'),
      render: (_, u) => (
        <Space orientation="vertical" size={2}>
          <span>
            {u.unitName}
            {u.source === 'extra' && <Tag style={{ marginInlineStart: 6 }}>{t('meetings.sourceExtra')}</Tag>}
          </span>
          <span>
            <ResponseTag u={u} />
            {u.responseNote && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {u.responseNote}
              </Typography.Text>
            )}
          </span>
        </Space>
      ),
    },
    {
      key: 'attendance',
      title: t('meetings.attendance'),
      render: (_, u) =>
        u.attended ? (
          <Space orientation="vertical" size={0}>
            <span>
              <Tag color="success">{t('meetings.attended')}</Tag>
              {u.confirmedAt && <Tag color="blue">{t('meetings.confirmed')}</Tag>}
            </span>
            {u.attendees.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {u.attendees.join('、')}
              </Typography.Text>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, u) => <InvitationActions m={m} u={u} acts={acts} />,
    },
  ];
}
