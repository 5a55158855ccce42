import { Button, Col, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { apiUrl } from '../../../api/client';
import { scopeOrgsOf } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { AddMemberModal, type NewMember } from './AddMemberModal';
import { type CommitteeMember, useCommittee, useCommittees, usePairingWrites } from './api';
import { RosterTable } from './RosterTable';

/** Change a roster member's role, remove one, or add one, to the community's committee of `year`. */
function useRosterWrites(current: string | undefined, year: number, onAdded: () => void) {
  const feedback = useFeedback();
  const writes = usePairingWrites();
  const update = async (m: CommitteeMember, patch: { role?: CommitteeMember['role']; removed?: boolean }) => {
    if (!current) return;
    try {
      await writes.updateMember.mutateAsync({ communityId: current, memberKey: m.key, year, ...patch });
    } catch (err) {
      feedback.error(err);
    }
  };
  const add = async (v: NewMember) => {
    if (!current) return;
    try {
      await writes.addMember.mutateAsync({
        communityId: current,
        year,
        name: v.name.trim(),
        title: v.title?.trim() || null,
        role: v.role,
      });
      onAdded();
    } catch (err) {
      feedback.error(err);
    }
  };
  return { writes, update, add };
}

/** 大党委: pick a community, see its roster (head, deputies, members), adjust it, print it. */
export function CommitteeTab({ year }: { year: number }) {
  const { t } = useI18n();
  const { me, can } = useSession();
  const list = useCommittees(year);
  const [communityId, setCommunityId] = useState<string>();
  const items = list.data?.items ?? [];
  const current = communityId && items.some((c) => c.communityId === communityId) ? communityId : items[0]?.communityId;
  useEffect(() => setCommunityId(undefined), [year]);
  const roster = useCommittee(current, year);
  const [adding, setAdding] = useState(false);
  const editable = !!current && (can('pairings.manage') || scopeOrgsOf(me, 'community_admin').includes(current));

  const { writes, update, add } = useRosterWrites(current, year, () => setAdding(false));
  if (list.isLoading) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (!items.length) return <EmptyState />;
  const r = roster.data;
  return (
    <div data-testid="committee-tab">
      <Typography.Paragraph type="secondary">{t('pairing.committee.help')}</Typography.Paragraph>
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
        <Col xs={24} md={10}>
          <Select
            style={{ width: '100%' }}
            value={current}
            onChange={setCommunityId}
            placeholder={t('pairing.committee.pick')}
            data-testid="committee-community"
            options={items.map((c) => ({
              value: c.communityId,
              label: `${c.communityName}（${t('pairing.committee.members', { count: c.members })}）`,
            }))}
          />
        </Col>
        <Col xs={24} md={14}>
          <Space wrap>
            {current && (
              <Button
                href={apiUrl(`/party-committees/${current}/roster.pdf`, { year })}
                target="_blank"
                data-testid="committee-print"
              >
                {t('pairing.committee.print')}
              </Button>
            )}
            {editable && <Button onClick={() => setAdding(true)}>{t('pairing.committee.add')}</Button>}
          </Space>
        </Col>
      </Row>
      {roster.isLoading ? (
        <Loading />
      ) : roster.isError ? (
        <LoadError error={roster.error} onRetry={() => void roster.refetch()} />
      ) : (
        r && (
          <>
            <RosterTable committee={r} editable={editable} onUpdate={(m, patch) => void update(m, patch)} />
            {r.removed.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('pairing.committee.removed')}：
                {r.removed.map((m) => (
                  <Space key={m.key} style={{ marginRight: 12 }}>
                    {m.name}
                    {m.unitName ? `（${m.unitName}）` : ''}
                    {editable && (
                      <Button size="small" type="link" onClick={() => void update(m, { removed: false })}>
                        {t('pairing.committee.restore')}
                      </Button>
                    )}
                  </Space>
                ))}
              </Typography.Paragraph>
            )}
          </>
        )
      )}
      <AddMemberModal open={adding} pending={writes.addMember.isPending} onClose={() => setAdding(false)} onAdd={add} />
    </div>
  );
}
