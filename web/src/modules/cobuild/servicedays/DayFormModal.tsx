import { countyWallClock } from '../../../ui/clock';
import { DatePicker, Form, Input, Modal, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { OrgSelect } from '../../org/OrgSelect';
import { type ServiceDayDetail, useDayWrites, useServiceKinds } from './api';

interface Values {
  communityId: string;
  date: Dayjs;
  time: [Dayjs, Dayjs];
  place: string;
  theme: string;
  kindCodes: string[];
}

/** The day's own values when editing; else the coming Saturday (never today), 8:30–11:30, in `ownCommunity`. */
function initialValues(day: ServiceDayDetail | undefined, ownCommunity: string | undefined): Partial<Values> {
  if (day)
    return {
      communityId: day.communityId,
      date: dayjs(day.date),
      time: [dayjs(`${day.date}T${day.startTime}`), dayjs(`${day.date}T${day.endTime}`)],
      place: day.place,
      theme: day.theme,
      kindCodes: day.kindCodes,
    };
  const today = dayjs(countyWallClock());
  const saturday = today.add((6 - today.day() + 7) % 7 || 7, 'day');
  return {
    communityId: ownCommunity,
    date: saturday,
    time: [saturday.hour(8).minute(30), saturday.hour(11).minute(30)],
    kindCodes: [],
  };
}

/** Schedules a new day, or edits one that is still scheduled (`day` given). */
export function DayFormModal({
  open,
  onClose,
  day,
  ownCommunity,
}: {
  open: boolean;
  onClose: () => void;
  day?: ServiceDayDetail;
  ownCommunity?: string;
}) {
  const { t, language } = useI18n();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const kinds = useServiceKinds();
  const writes = useDayWrites(day?.id);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues(day, ownCommunity));
  }, [open, day, ownCommunity, form]);
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  const submit = async () => {
    const v = await form.validateFields();
    const input = {
      date: v.date.format('YYYY-MM-DD'),
      startTime: v.time[0].format('HH:mm'),
      endTime: v.time[1].format('HH:mm'),
      place: v.place,
      theme: v.theme,
      kindCodes: v.kindCodes,
    };
    try {
      if (day) {
        await writes.update.mutateAsync({ ...input, version: day.version });
        feedback.success(t('common.saved'));
        onClose();
      } else {
        const created = await writes.create.mutateAsync({ ...input, communityId: v.communityId });
        feedback.success(t('common.created'));
        onClose();
        navigate(`/cobuild/service-days/${created.id}`);
      }
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={open}
      title={t(day ? 'servicedays.editTitle' : 'servicedays.createTitle')}
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={writes.create.isPending || writes.update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" data-testid="day-form">
        <Form.Item name="communityId" label={t('servicedays.community')} rules={required(t('servicedays.community'))}>
          <OrgSelect kind="community" disabled={!!ownCommunity || !!day} />
        </Form.Item>
        <Form.Item name="date" label={t('servicedays.date')} rules={required(t('servicedays.date'))}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="time" label={t('servicedays.time')} rules={required(t('servicedays.time'))}>
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="theme" label={t('servicedays.theme')} rules={required(t('servicedays.theme'))}>
          <Input maxLength={200} placeholder="“七一”党员进社区集中报到服务日" />
        </Form.Item>
        <Form.Item name="place" label={t('servicedays.place')} rules={required(t('servicedays.place'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kindCodes" label={t('servicedays.kinds')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            loading={kinds.isLoading}
            options={(kinds.data?.items ?? [])
              .filter((k) => k.active)
              .map((k) => ({ value: k.code, label: language === 'en' ? k.nameEn : k.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
