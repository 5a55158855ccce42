import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import type { PersonView, RevealResponse } from '../../api/contracts';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { useFeedback } from '../../ui/feedback';
import { RecordDrawer } from '../../ui/RecordDrawer';
import { revealPerson, usePeopleMutations, usePerson } from './api';
import { PersonDetails } from './PersonDetails';

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
          <PersonDetails person={p} revealed={revealed} />
        </>
      )}
    </RecordDrawer>
  );
}
