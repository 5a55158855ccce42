import { Form, Input, Select } from 'antd';
import { useI18n } from '../../../i18n';
import { RecordFormModal } from '../../../ui/RecordFormModal';
import { PersonSelect } from '../../people/PersonSelect';
import { useCatalogueWrites, useTeamOptions, VOLUNTEER_STATES, type VolunteerView } from '../api';

interface Values {
  personId: string;
  skills: string[];
  availability?: string | null;
  teamId?: string;
  state?: 'active' | 'inactive';
}

// A comma, a full-width comma or an enumeration comma ends a skill.
const SKILL_SEPARATORS = [',', '\uff0c', '\u3001'];

function SkillsField({ initial }: { initial: string[] }) {
  const { t } = useI18n();
  return (
    <Form.Item name="skills" label={t('volunteers.skills')} initialValue={initial}>
      <Select
        mode="tags"
        tokenSeparators={SKILL_SEPARATORS}
        placeholder={t('volunteers.registry.skillsPlaceholder')}
        open={false}
      />
    </Form.Item>
  );
}

/** Registers a person as a volunteer (skills, availability, a team to join at once), or edits a volunteer. */
export function VolunteerFormModal({
  open,
  onClose,
  volunteer,
}: {
  open: boolean;
  onClose: () => void;
  volunteer?: VolunteerView;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const writes = useCatalogueWrites();
  const teams = useTeamOptions();
  const save = (v: Values) => {
    const availability = v.availability?.trim() || null;
    if (volunteer)
      return writes.updateVolunteer.mutateAsync({
        id: volunteer.id,
        version: volunteer.version,
        skills: v.skills ?? [],
        availability,
        state: v.state,
      });
    return writes.register.mutateAsync({
      personId: v.personId,
      skills: v.skills ?? [],
      availability,
      ...(v.teamId ? { teamId: v.teamId } : {}),
    });
  };
  return (
    <RecordFormModal<Values, VolunteerView>
      form={form}
      open={open}
      editing={!!volunteer}
      title={
        volunteer ? `${t('volunteers.registry.editTitle')} · ${volunteer.name}` : t('volunteers.registry.registerTitle')
      }
      width={520}
      testId="vr-form"
      saving={writes.register.isPending || writes.updateVolunteer.isPending}
      onClose={onClose}
      save={save}
      onSaved={onClose}
    >
      {!volunteer && (
        <Form.Item
          name="personId"
          label={t('volunteers.registry.person')}
          rules={[{ required: true, message: t('errors.required', { field: t('volunteers.registry.person') }) }]}
        >
          <PersonSelect placeholder={t('volunteers.registry.personSearch')} testId="vr-person" />
        </Form.Item>
      )}
      <SkillsField initial={volunteer?.skills ?? []} />
      <Form.Item
        name="availability"
        label={t('volunteers.registry.availability')}
        initialValue={volunteer?.availability}
      >
        <Input maxLength={500} placeholder={t('volunteers.registry.availabilityPlaceholder')} />
      </Form.Item>
      {!volunteer && (
        <Form.Item name="teamId" label={t('volunteers.registry.joinTeam')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={teams.isLoading}
            options={(teams.data?.items ?? [])
              .filter((tm) => tm.mayRun)
              .map((tm) => ({ value: tm.id, label: tm.name }))}
          />
        </Form.Item>
      )}
      {volunteer && (
        <Form.Item name="state" label={t('volunteers.state')} initialValue={volunteer.state}>
          <Select options={VOLUNTEER_STATES.map((s) => ({ value: s, label: t(`volunteers.volunteerStates.${s}`) }))} />
        </Form.Item>
      )}
    </RecordFormModal>
  );
}
