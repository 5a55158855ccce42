import { Descriptions, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PersonView, RevealResponse } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { formatDate, formatDateTime } from '../../ui/format';

/** A masked number, or the full one once revealed. */
function pii(masked: string | null, full: string | null | undefined) {
  return <span className="mono">{full !== undefined && full !== null ? full : (masked ?? '—')}</span>;
}

/** The person drawer's fields; phone and ID number as revealed, else masked. */
export function PersonDetails({ person, revealed }: { person: PersonView; revealed: RevealResponse | null }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={[
        { key: 'name', label: t('people.name'), children: person.name },
        { key: 'gender', label: t('people.gender'), children: labelOf('gender', person.gender) },
        { key: 'birth', label: t('people.birthDate'), children: formatDate(person.birthDate) },
        {
          key: 'phone',
          label: t('people.phone'),
          children: <span data-testid="person-phone">{pii(person.phone, revealed?.phone)}</span>,
        },
        {
          key: 'id',
          label: t('people.idNumber'),
          children: <span data-testid="person-id-number">{pii(person.idNumber, revealed?.idNumber)}</span>,
        },
        { key: 'address', label: t('people.address'), children: person.address ?? '—' },
        { key: 'community', label: t('people.community'), children: person.communityName ?? '—' },
        {
          key: 'grid',
          label: t('people.homeGrid'),
          children: person.homeGridId ? (
            <Link to={`/grids?grid=${person.homeGridId}`}>
              {person.homeGridName}{' '}
              <Typography.Text type="secondary" className="mono">
                {person.homeGridCode}
              </Typography.Text>
            </Link>
          ) : (
            '—'
          ),
        },
        {
          key: 'roles',
          label: t('people.roles'),
          children: person.roles.length ? person.roles.map((r) => <Tag key={r}>{labelOf('personRole', r)}</Tag>) : '—',
        },
        {
          key: 'party',
          label: t('people.partyMember'),
          children: person.partyMemberKind ? (
            <EnumTag group="memberKind" value={person.partyMemberKind} />
          ) : (
            t('people.notPartyMember')
          ),
        },
        {
          key: 'note',
          label: t('people.note'),
          children: person.note ? <span style={{ whiteSpace: 'pre-wrap' }}>{person.note}</span> : '—',
        },
        { key: 'created', label: t('people.createdAt'), children: formatDateTime(person.createdAt) },
        { key: 'updated', label: t('people.updatedAt'), children: formatDateTime(person.updatedAt) },
      ]}
    />
  );
}
