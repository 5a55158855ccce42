import { Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type ServiceDayDetail, useCandidates, useDayWrites } from './api';

/** Staff pick members (of the units signed up) to check in. */
export function StaffCheckinModal({
  day,
  open,
  onClose,
}: {
  day: ServiceDayDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const candidates = useCandidates(day.id, q, open);
  const { checkin } = useDayWrites(day.id);
  const submit = async () => {
    try {
      const r = await checkin.mutateAsync(picked);
      feedback.success(t('servicedays.checkinDone', { created: r.created.length, existing: r.existing.length }));
      setPicked([]);
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={open}
      title={t('servicedays.checkinStaffTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !picked.length }}
      confirmLoading={checkin.isPending}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('servicedays.checkinStaffHint')}</Typography.Paragraph>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={picked}
        onChange={setPicked}
        showSearch
        filterOption={false}
        onSearch={setQ}
        placeholder={t('servicedays.checkinPick')}
        loading={candidates.isFetching}
        data-testid="sd-checkin-pick"
        options={(candidates.data?.items ?? []).map((c) => ({
          value: c.memberId,
          disabled: c.checkedIn,
          label: `${c.name} · ${c.unitName ?? ''}${c.checkedIn ? ` (${t('servicedays.checkedIn')})` : ''}`,
        }))}
      />
    </Modal>
  );
}
