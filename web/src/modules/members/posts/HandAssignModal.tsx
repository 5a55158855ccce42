import { Button, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { EmptyState, LoadError } from '../../../ui/states';
import { type PostOpeningView, useCandidates, useHandAssign } from './api';

/** Picks a member who reported at the post's community and holds no post this year, and assigns them (confirmed). */
export function HandAssignModal({ opening, onClose }: { opening: PostOpeningView | null; onClose: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [q, setQ] = useState('');
  const candidates = useCandidates(opening?.id, q);
  const assign = useHandAssign();
  const pick = async (memberId: string, name: string) => {
    if (!opening) return;
    try {
      await assign.mutateAsync({ openingId: opening.id, memberId });
      feedback.success(t('posts.assigned', { name }));
      onClose();
    } catch (e) {
      feedback.error(e);
    }
  };
  return (
    <Modal
      open={opening !== null}
      destroyOnHidden
      title={t('posts.handAssignTitle', { title: opening?.title ?? '' })}
      onCancel={onClose}
      footer={null}
    >
      <Input.Search allowClear placeholder={t('posts.searchMember')} onSearch={setQ} style={{ marginBottom: 8 }} />
      {candidates.isError ? (
        <LoadError error={candidates.error} onRetry={() => void candidates.refetch()} />
      ) : (
        <List
          loading={candidates.isPending}
          dataSource={candidates.data?.items ?? []}
          locale={{ emptyText: <EmptyState description={t('posts.noCandidates')} /> }}
          style={{ maxHeight: 420, overflow: 'auto' }}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button
                  key="a"
                  type="link"
                  loading={assign.isPending}
                  onClick={() => void pick(c.memberId, c.memberName)}
                >
                  {t('posts.assign')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    {c.memberName} {c.skillMatch && <Tag color="blue">{t('posts.skillMatch')}</Tag>}
                  </>
                }
                description={
                  <Typography.Text type="secondary">
                    {[
                      c.unitName,
                      c.gridName,
                      c.distanceKm !== null ? t('posts.km', { km: c.distanceKm.toFixed(1) }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
