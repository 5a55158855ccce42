import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../../../i18n';
import { OrgSelect } from '../../org/OrgSelect';
import { useTeamOptions, type VolunteerTeamView } from '../api';
import { useTypeOptions } from './ActivityFilters';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** Where, when and who: the organiser, the type, the place (with an optional map point), the times and the roles. */
export function ActivityFormFields({
  communityId,
  lockCommunity,
  leaderTeams,
  editing,
}: {
  communityId: string | undefined;
  lockCommunity: boolean;
  /** A leader (not staff) chooses among their teams only; the team is then required. */
  leaderTeams: VolunteerTeamView[] | null;
  editing: boolean;
}) {
  const { t } = useI18n();
  const teams = useTeamOptions(communityId);
  const types = useTypeOptions();
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  const teamChoices = leaderTeams ?? (communityId ? (teams.data?.items ?? []) : []);
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item
          name="communityId"
          label={t('volunteers.community')}
          rules={required(t('volunteers.community'))}
          style={{ flex: '1 1 200px' }}
          hidden={!!leaderTeams}
        >
          <OrgSelect kind="community" disabled={lockCommunity || editing} testId="va-community" />
        </Form.Item>
        <Form.Item
          name="teamId"
          label={t('volunteers.team')}
          rules={leaderTeams ? required(t('volunteers.team')) : undefined}
          style={{ flex: '1 1 200px' }}
        >
          <Select
            allowClear={!leaderTeams}
            placeholder={t('volunteers.noTeam')}
            loading={teams.isLoading}
            options={teamChoices.map((tm) => ({ value: tm.id, label: tm.name }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="typeId" label={t('volunteers.type')} rules={required(t('volunteers.type'))}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={types.loading}
          options={types.options}
          data-testid="va-type"
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('volunteers.activities.activityTitle')}
        rules={required(t('volunteers.activities.activityTitle'))}
      >
        <Input maxLength={200} placeholder={t('volunteers.activities.activityTitlePlaceholder')} />
      </Form.Item>
      <Form.Item name="description" label={t('volunteers.activities.description')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="place" label={t('volunteers.place')} rules={required(t('volunteers.place'))}>
        <Input maxLength={200} />
      </Form.Item>
      <PlaceFields />
      <TimeFields />
      <RoleFields />
    </>
  );
}

/** An optional point on the map and the check-in radius around it. */
function PlaceFields() {
  const { t } = useI18n();
  return (
    <Form.Item label={t('volunteers.activities.mapPoint')} extra={t('volunteers.activities.geofenceHelp')}>
      <Flex gap={8} wrap>
        <Form.Item name="lng" noStyle>
          <InputNumber
            min={-180}
            max={180}
            step={0.0001}
            placeholder={t('volunteers.activities.lng')}
            style={{ width: 130 }}
          />
        </Form.Item>
        <Form.Item name="lat" noStyle>
          <InputNumber
            min={-90}
            max={90}
            step={0.0001}
            placeholder={t('volunteers.activities.lat')}
            style={{ width: 130 }}
          />
        </Form.Item>
        <Form.Item name="geofenceMeters" noStyle>
          <InputNumber min={0} max={100000} placeholder={t('volunteers.activities.geofence')} style={{ width: 150 }} />
        </Form.Item>
      </Flex>
    </Form.Item>
  );
}

/** The activity's times, the sign-up window and the cancellation deadline (county time). */
function TimeFields() {
  const { t } = useI18n();
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  return (
    <>
      <Form.Item
        name="time"
        label={t('volunteers.activities.times')}
        rules={required(t('volunteers.activities.times'))}
      >
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format={TIME_FORMAT}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="signup"
        label={t('volunteers.activities.signupWindow')}
        rules={required(t('volunteers.activities.signupWindow'))}
      >
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format={TIME_FORMAT}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="cancelDeadlineAt"
        label={t('volunteers.activities.cancelDeadline')}
        rules={required(t('volunteers.activities.cancelDeadline'))}
      >
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={TIME_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

/** The roles and their slots; a saved role may be renamed or re-sized, not removed (the server keeps it). */
function RoleFields() {
  const { t } = useI18n();
  return (
    <Form.List name="roles">
      {(items, { add, remove }) => (
        <Form.Item label={t('volunteers.activities.roles')} required>
          {items.map((item) => (
            <Flex key={item.key} gap={8} align="start">
              {/* A saved role's id goes back with it (a field the form does not hold is left out of its values). */}
              <Form.Item name={[item.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[item.name, 'name']}
                rules={[
                  { required: true, message: t('errors.required', { field: t('volunteers.activities.roleName') }) },
                ]}
                style={{ flex: 1, marginBottom: 8 }}
              >
                <Input maxLength={100} placeholder={t('volunteers.activities.roleNamePlaceholder')} />
              </Form.Item>
              <Form.Item
                name={[item.name, 'slots']}
                rules={[
                  { required: true, message: t('errors.required', { field: t('volunteers.activities.roleSlots') }) },
                ]}
                style={{ width: 100, marginBottom: 8 }}
              >
                <InputNumber
                  min={1}
                  max={10000}
                  placeholder={t('volunteers.activities.roleSlots')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {(form) =>
                  !form.getFieldValue(['roles', item.name, 'id']) &&
                  items.length > 1 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('volunteers.activities.removeRole')}
                      onClick={() => remove(item.name)}
                    />
                  )
                }
              </Form.Item>
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', slots: 5 })} block>
            {t('volunteers.activities.addRole')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}
