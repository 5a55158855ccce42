import { Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';

/** A reason, required: declining an application or revoking a certificate. */
export function ReasonModal({
  title,
  open,
  busy,
  onOk,
  onClose,
}: {
  title: string;
  open: boolean;
  busy: boolean;
  onOk: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (open) setReason('');
  }, [open]);
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => onOk(reason.trim())}
      okButtonProps={{ disabled: !reason.trim(), loading: busy, id: 'reason-ok' }}
      destroyOnHidden
    >
      <Input.TextArea
        aria-label={t('memberReports.reason')}
        placeholder={t('memberReports.reasonRequired')}
        value={reason}
        maxLength={500}
        rows={3}
        onChange={(e) => setReason(e.target.value)}
        data-testid="reason-input"
      />
    </Modal>
  );
}
