import { Form, Input, Select, Switch } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ownOrgOf, seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { RecordFormModal } from '../../../ui/RecordFormModal';
import { OrgSelect } from '../../org/OrgSelect';
import { useCatalogueWrites, useSeries, type VolunteerTeamDetail } from '../api';
import { useCatalogueName } from '../parts';

interface Values {
  name: string;
  seriesId: string;
  communityId?: string | null;
  description?: string | null;
  active?: boolean;
}

/** A new team's community (empty: county-wide, the county only), the description, an existing team's state. */
function TeamMoreFields({ team }: { team?: VolunteerTeamDetail }) {
  const { t } = useI18n();
  const { me } = useSession();
  const county = seesWholeCounty(me);
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  return (
    <>
      {!team && (
        <Form.Item
          name="communityId"
          label={t('volunteers.community')}
          rules={county ? undefined : required(t('volunteers.community'))}
          initialValue={county ? undefined : ownOrgOf(me, 'community_admin')}
          extra={county ? t('volunteers.teams.countyWide') : undefined}
        >
          <OrgSelect kind="community" allowClear={county} />
        </Form.Item>
      )}
      <Form.Item name="description" label={t('volunteers.teams.description')} initialValue={team?.description}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      {team && (
        <Form.Item
          name="active"
          label={t('volunteers.teams.active')}
          valuePropName="checked"
          initialValue={team.active}
        >
          <Switch />
        </Form.Item>
      )}
    </>
  );
}

/** A new team (its community; the county may leave it empty for a county-wide team), or a team's changes. */
export function TeamFormModal({
  open,
  onClose,
  team,
}: {
  open: boolean;
  onClose: () => void;
  team?: VolunteerTeamDetail;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const writes = useCatalogueWrites();
  const series = useSeries();
  const name = useCatalogueName();
  const required = (field: string) => [{ required: true, message: t('errors.required', { field }) }];
  const save = (v: Values) =>
    team
      ? writes.updateTeam.mutateAsync({
          id: team.id,
          version: team.version,
          name: v.name,
          seriesId: v.seriesId,
          description: v.description?.trim() || null,
          active: v.active,
        })
      : writes.createTeam.mutateAsync({
          name: v.name,
          seriesId: v.seriesId,
          communityId: v.communityId ?? null,
          description: v.description?.trim() || null,
        });
  return (
    <RecordFormModal<Values, VolunteerTeamDetail>
      form={form}
      open={open}
      editing={!!team}
      title={t(team ? 'volunteers.teams.editTitle' : 'volunteers.teams.createTitle')}
      width={520}
      testId="vt-form"
      saving={writes.createTeam.isPending || writes.updateTeam.isPending}
      onClose={onClose}
      save={save}
      onSaved={(saved) => {
        onClose();
        if (!team) navigate(`/volunteer-teams/${saved.id}`);
      }}
    >
      <Form.Item
        name="name"
        label={t('volunteers.teams.name')}
        rules={required(t('volunteers.teams.name'))}
        initialValue={team?.name}
      >
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item
        name="seriesId"
        label={t('volunteers.series')}
        rules={required(t('volunteers.series'))}
        initialValue={team?.seriesId}
      >
        <Select options={(series.data?.items ?? []).map((s) => ({ value: s.id, label: name(s.name, s.nameEn) }))} />
      </Form.Item>
      <TeamMoreFields team={team} />
    </RecordFormModal>
  );
}
