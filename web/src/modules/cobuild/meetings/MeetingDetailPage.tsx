import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Input, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { formatDate, formatDateTime } from '../../../ui/format';
import { LoadError, Loading } from '../../../ui/states';
import { type MeetingDetail, useMeeting, useMeetingWrites } from './api';
import { MeetingActions } from './MeetingActions';
import { MeetingAgenda } from './MeetingAgenda';
import { MeetingInvitations } from './MeetingInvitations';
import { MeetingResolutions } from './MeetingResolutions';
import { MeetingStatusTag } from './MeetingTags';

/** The minutes: read-only once held; staff may draft them before. */
function Minutes({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const { update } = useMeetingWrites(m.id);
  const [text, setText] = useState(m.minutes ?? '');
  useEffect(() => setText(m.minutes ?? ''), [m.minutes]);
  const editable = m.can.manage && (m.status === 'proposed' || m.status === 'scheduled');
  const save = async () => {
    try {
      await update.mutateAsync({ minutes: text.trim() || null, version: m.version });
      feedback.success(t('common.saved'));
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Card size="small" title={t('meetings.minutes')} data-testid="meeting-minutes">
      {editable ? (
        <>
          <Input.TextArea
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={20000}
            data-testid="meeting-minutes-draft"
          />
          <Button style={{ marginTop: 8 }} onClick={() => void save()} loading={update.isPending}>
            {t('common.save')}
          </Button>
        </>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} type={m.minutes ? undefined : 'secondary'}>
          {m.minutes ?? (m.status === 'cancelled' ? m.cancelReason : t('meetings.minutesEmpty'))}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** One joint meeting: agenda (sources tagged), invitations and attendance, minutes, resolutions. */
export default function MeetingDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const q = useMeeting(id);
  const m = q.data;
  if (q.isLoading) return <Loading minHeight="50vh" />;
  if (q.isError || !m) {
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <Alert
        type="warning"
        showIcon
        title={errorMessage(q.error)}
        action={<Link to="/cobuild/meetings">{t('meetings.back')}</Link>}
      />
    ) : (
      <LoadError error={q.error} onRetry={() => void q.refetch()} />
    );
  }
  return (
    <div className="page" data-testid="meeting-detail">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Link to="/cobuild/meetings">
            <Button icon={<ArrowLeftOutlined />} type="text" aria-label={t('meetings.back')} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('meetings.meetingTitle', { community: m.communityName, year: m.year, quarter: m.quarter })}
          </Typography.Title>
          <MeetingStatusTag status={m.status} />
        </Space>
        <MeetingActions m={m} />
      </Flex>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'date', label: t('meetings.date'), children: formatDate(m.meetingDate) },
            { key: 'place', label: t('meetings.place'), children: m.place ?? '—' },
            { key: 'attended', label: t('meetings.attended'), children: `${m.attendedCount} / ${m.invitedCount}` },
            {
              key: 'tasks',
              label: t('meetings.resolutions'),
              children: `${m.tasks.done} / ${m.tasks.total}${m.tasks.overdue ? ` · ${t('meetings.overdue')} ${m.tasks.overdue}` : ''}`,
            },
            ...(m.heldAt ? [{ key: 'held', label: t('meetings.statusHeld'), children: formatDateTime(m.heldAt) }] : []),
          ]}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={12}>
            <MeetingAgenda m={m} />
            <MeetingResolutions m={m} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={12}>
            <MeetingInvitations m={m} />
            <Minutes m={m} />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
