import { Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type MeetingDetail, useMeetingWrites } from './api';

type Dialog = 'schedule' | 'hold' | 'cancel' | null;

/** The first and last day of the meeting's quarter, for the date picker. */
function quarterBounds(m: MeetingDetail): [Dayjs, Dayjs] {
  const from = dayjs(`${m.year}-01-01`).month((m.quarter - 1) * 3);
  return [from, from.add(3, 'month').subtract(1, 'day')];
}

/** The dialog's fields: date (within the quarter) and place, the minutes, or the reason for cancelling. */
function ActionFields({ dialog, m }: { dialog: Dialog; m: MeetingDetail }) {
  const { t } = useI18n();
  const required = (field: string) => [{ required: true, whitespace: true, message: t('errors.required', { field }) }];
  const [from, to] = quarterBounds(m);
  return (
    <>
      {dialog === 'schedule' && (
        <>
          <Form.Item
            name="date"
            label={t('meetings.date')}
            rules={[{ required: true, message: t('errors.required', { field: t('meetings.date') }) }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(from, 'day') || d.isAfter(to, 'day')}
            />
          </Form.Item>
          <Form.Item name="place" label={t('meetings.place')} rules={required(t('meetings.place'))}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
      {dialog === 'hold' && (
        <Form.Item
          name="minutes"
          label={t('meetings.minutes')}
          extra={t('meetings.minutesRequired')}
          rules={required(t('meetings.minutes'))}
        >
          <Input.TextArea rows={8} maxLength={20000} data-testid="meeting-minutes-input" />
        </Form.Item>
      )}
      {dialog === 'cancel' && (
        <>
          <p>{t('meetings.cancelConfirm')}</p>
          <Form.Item name="reason" label={t('meetings.cancelReason')} rules={required(t('meetings.cancelReason'))}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** Schedule (date and place), hold (with the minutes) or cancel (with a reason): the meeting's lifecycle buttons. */
export function MeetingActions({ m }: { m: MeetingDetail }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const writes = useMeetingWrites(m.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ date?: Dayjs; place?: string; minutes?: string; reason?: string }>();
  if (!m.can.manage || m.status === 'held' || m.status === 'cancelled') return null;

  const open = (d: Dialog) => {
    form.resetFields();
    form.setFieldsValue({
      date: dayjs(m.meetingDate),
      place: m.place ?? `${m.communityName}党群服务中心`,
      minutes: m.minutes ?? '',
    });
    setDialog(d);
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (dialog === 'schedule')
        await writes.schedule.mutateAsync({
          meetingDate: v.date!.format('YYYY-MM-DD'),
          place: v.place!.trim(),
          version: m.version,
        });
      if (dialog === 'hold') await writes.hold.mutateAsync({ minutes: v.minutes!.trim(), version: m.version });
      if (dialog === 'cancel') await writes.cancel.mutateAsync({ reason: v.reason!.trim(), version: m.version });
      feedback.success(t('common.saved'));
      setDialog(null);
    } catch (err) {
      feedback.error(err);
    }
  };
  const busy = writes.schedule.isPending || writes.hold.isPending || writes.cancel.isPending;
  const titles = {
    schedule: m.status === 'scheduled' ? t('meetings.reschedule') : t('meetings.schedule'),
    hold: t('meetings.hold'),
    cancel: t('meetings.cancel'),
  };

  return (
    <Space wrap>
      <Button
        onClick={() => open('schedule')}
        type={m.status === 'proposed' ? 'primary' : 'default'}
        data-testid="meeting-schedule"
      >
        {titles.schedule}
      </Button>
      {m.status === 'scheduled' && (
        <Button type="primary" onClick={() => open('hold')} data-testid="meeting-hold">
          {t('meetings.hold')}
        </Button>
      )}
      <Button danger onClick={() => open('cancel')} data-testid="meeting-cancel">
        {t('meetings.cancel')}
      </Button>
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog] : ''}
        onCancel={() => setDialog(null)}
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={busy}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: dialog === 'cancel' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" data-testid="meeting-action-form">
          <ActionFields dialog={dialog} m={m} />
        </Form>
      </Modal>
    </Space>
  );
}
