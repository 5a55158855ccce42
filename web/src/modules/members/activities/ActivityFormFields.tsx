import { DatePicker, Form, Input, InputNumber, Select, TimePicker } from 'antd';
import { useI18n } from '../../../i18n';
import { OrgSelect } from '../../org/OrgSelect';
import { useFormOptions } from './api';

/** The activity form's fields: the post types, openings and grids offered are the chosen community's. */
export function ActivityFormFields({
  lockCommunity,
  communityId,
  postTypeId,
}: {
  lockCommunity: boolean;
  communityId: string | undefined;
  postTypeId: string | undefined;
}) {
  const { t, language } = useI18n();
  const options = useFormOptions(communityId);
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  const types = options.data?.postTypes ?? [];
  return (
    <>
      <Form.Item
        name="communityId"
        label={t('postActivities.community')}
        rules={required(t('postActivities.community'))}
      >
        <OrgSelect kind="community" disabled={lockCommunity} />
      </Form.Item>
      <Form.Item
        name="postTypeId"
        label={t('postActivities.postType')}
        rules={required(t('postActivities.postType'))}
        extra={communityId && options.isSuccess && types.length === 0 ? t('postActivities.noTypes') : undefined}
      >
        <Select
          loading={options.isLoading}
          data-testid="activity-type"
          options={types.map((p) => ({ value: p.id, label: language === 'en' ? p.nameEn : p.name }))}
        />
      </Form.Item>
      <Form.Item name="openingId" label={t('postActivities.opening')}>
        <Select
          allowClear
          options={(options.data?.openings ?? [])
            .filter((o) => !postTypeId || o.postTypeId === postTypeId)
            .map((o) => ({ value: o.id, label: o.title }))}
        />
      </Form.Item>
      <Form.Item name="gridId" label={t('postActivities.grid')}>
        <Select allowClear options={(options.data?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('postActivities.activityTitle')}
        rules={required(t('postActivities.activityTitle'))}
      >
        <Input maxLength={200} placeholder="楼道环境整治" />
      </Form.Item>
      <Form.Item name="place" label={t('postActivities.place')} rules={required(t('postActivities.place'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="date" label={t('postActivities.date')} rules={required(t('postActivities.date'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="time" label={t('postActivities.time')} rules={required(t('postActivities.time'))}>
        <TimePicker.RangePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="capacity" label={t('postActivities.capacity')} rules={required(t('postActivities.capacity'))}>
        <InputNumber min={1} max={10000} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}
