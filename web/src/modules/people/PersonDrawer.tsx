import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { PersonView, RevealResponse } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EnumTag } from '../../ui/EnumTag';
import { useFeedback } from '../../ui/feedback';
import { formatDate, formatDateTime } from '../../ui/format';
import { RecordDrawer } from '../../ui/RecordDrawer';
import { revealPerson, usePeopleMutations, usePerson } from './api';

interface Props {
  personId: string | null;
  onClose: () => void;
  onEdit: (p: PersonView) => void;
}

/** Everything about one person; phone and ID number masked unless revealed (people.reveal, audited). */
export function PersonDrawer({ personId, onClose, onEdit }: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const feedback = useFeedback();
  const person = usePerson(personId);
  const { remove } = usePeopleMutations();
  const [revealed, setRevealed] = useState<RevealResponse | null>(null);
  const [revealing, setRevealing] = useState(false);
  useEffect(() => setRevealed(null), [personId]);

  const p = person.data;
  const reveal = async () => {
    if (!p) return;
    setRevealing(true);
    try {
      setRevealed(await revealPerson(p.id));
    } catch (err) {
      feedback.error(err);
    } finally {
      setRevealing(false);
    }
  };
  const pii = (masked: string | null, full: string | null | undefined) => (
    <span className="mono">{full !== undefined && full !== null ? full : (masked ?? '—')}</span>
  );

  return (
    <RecordDrawer<PersonView>
      open={!!personId}
      onClose={onClose}
      result={person}
      testIdPrefix="person"
      writable={can('people.write')}
      onEdit={onEdit}
      remove={remove}
      extra={
        p && can('people.reveal') && !revealed && (p.phone || p.idNumber) ? (
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={revealing}
            onClick={() => void reveal()}
            data-testid="reveal-pii"
            title={t('people.revealNote')}
          >
            {t('people.reveal')}
          </Button>
        ) : undefined
      }
    >
      {(p) => (
        <>
          {revealed && (
            <Alert
              type="warning"
              showIcon
              title={t('people.revealed')}
              style={{ marginBottom: 12 }}
              data-testid="pii-revealed"
            />
          )}
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'name', label: t('people.name'), children: p.name },
              { key: 'gender', label: t('people.gender'), children: labelOf('gender', p.gender) },
              { key: 'birth', label: t('people.birthDate'), children: formatDate(p.birthDate) },
              {
                key: 'phone',
                label: t('people.phone'),
                children: <span data-testid="person-phone">{pii(p.phone, revealed?.phone)}</span>,
              },
              {
                key: 'id',
                label: t('people.idNumber'),
                children: <span data-testid="person-id-number">{pii(p.idNumber, revealed?.idNumber)}</span>,
              },
              { key: 'address', label: t('people.address'), children: p.address ?? '—' },
              { key: 'community', label: t('people.community'), children: p.communityName ?? '—' },
              {
                key: 'grid',
                label: t('people.homeGrid'),
                children: p.homeGridId ? (
                  <Link to={`/grids?grid=${p.homeGridId}`}>
                    {p.homeGridName}{' '}
                    <Typography.Text type="secondary" className="mono">
                      {p.homeGridCode}
                    </Typography.Text>
                  </Link>
                ) : (
                  '—'
                ),
              },
              {
                key: 'roles',
                label: t('people.roles'),
                children: p.roles.length ? p.roles.map((r) => <Tag key={r}>{labelOf('personRole', r)}</Tag>) : '—',
              },
              {
                key: 'party',
                label: t('people.partyMember'),
                children: p.partyMemberKind ? (
                  <EnumTag group="memberKind" value={p.partyMemberKind} />
                ) : (
                  t('people.notPartyMember')
                ),
              },
              {
                key: 'note',
                label: t('people.note'),
                children: p.note ? <span style={{ whiteSpace: 'pre-wrap' }}>{p.note}</span> : '—',
              },
              { key: 'created', label: t('people.createdAt'), children: formatDateTime(p.createdAt) },
              { key: 'updated', label: t('people.updatedAt'), children: formatDateTime(p.updatedAt) },
            ]}
          />
        </>
      )}
    </RecordDrawer>
  );
}
