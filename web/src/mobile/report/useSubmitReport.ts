import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { caseKeys, createCase } from '../../modules/cases/api';
import { randomKey } from '../../ui/images';
import { useToast } from '../Toast';
import { type ReportDraft, reportInput } from './reportInput';

/**
 * Sending the report: checked first (a description, no photo still uploading), then posted once, however often a poor
 * connection makes the resident tap; on success the case page opens.
 */
export function useSubmitReport() {
  const { t } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per report: a retry after a timeout answers with the case already made, never a second one.
  const idempotencyKey = useRef(randomKey());

  const submit = async (draft: ReportDraft, uploading: boolean) => {
    setError(null);
    if (draft.description.trim().length < 2) {
      setError(t('mobile.needDescription'));
      return;
    }
    if (uploading) {
      setError(t('mobile.waitUploads'));
      return;
    }
    setSubmitting(true);
    try {
      const c = await createCase(reportInput(draft), idempotencyKey.current);
      idempotencyKey.current = randomKey();
      toast.show(t('mobile.submitted', { number: c.number }), 'success');
      await qc.invalidateQueries({ queryKey: caseKeys.all });
      navigate(`/cases/${c.id}`);
    } catch (err) {
      // A network failure keeps the key: tapping again cannot make a second case.
      setError(
        err instanceof ApiError && err.status === 0
          ? `${errorMessage(err)}。${t('mobile.retryHint')}`
          : errorMessage(err),
      );
    } finally {
      setSubmitting(false);
    }
  };
  return { submit, submitting, error };
}
