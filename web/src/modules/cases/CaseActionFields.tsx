import { Form, Input, Radio, TreeSelect } from 'antd';
import { SATISFACTION_LIST, type CaseAction, type CaseDetail } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { formatPercent } from '../../ui/format';
import type { useCategoryTree } from './api';
import { NEEDS_REASON } from './caseActionForm';
import type { useCategoryLabel } from './labels';
import { PhotoUploader } from './PhotoUploader';

interface Props {
  action: CaseAction | null;
  c: CaseDetail;
  onPhotos: (ids: string[]) => void;
  /** Loaded by the caller as the page opens, so the category picker is filled when the dialog shows. */
  categoryTree: ReturnType<typeof useCategoryTree>['tree'];
  categoryLabel: ReturnType<typeof useCategoryLabel>;
}

/** The fields an action's dialog asks for: the confirmed category, a reason, the phone visit, a note, photos. */
export function CaseActionFields({ action, c, onPhotos, categoryTree, categoryLabel }: Props) {
  const { t } = useI18n();
  const req = (field: string) => ({ required: true, whitespace: true, message: t('errors.required', { field }) });
  return (
    <>
      {action === 'accept' && (
        <Form.Item
          name="categoryCode"
          label={t('cases.confirmedCategory')}
          extra={
            c.suggestedCategoryCode
              ? t('cases.suggestedVsConfirmed', {
                  name: categoryLabel(c.suggestedCategoryCode),
                  confidence: formatPercent(c.suggestedConfidence ?? null, 0),
                })
              : undefined
          }
        >
          <TreeSelect<string>
            treeData={categoryTree}
            showSearch
            treeNodeFilterProp="title"
            data-testid="accept-category"
          />
        </Form.Item>
      )}
      {action && NEEDS_REASON.includes(action) && (
        <Form.Item
          name="reason"
          label={t('cases.reason')}
          rules={[req(t('cases.reason'))]}
          extra={action === 'reopen' ? t('cases.reopenHint') : undefined}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('cases.reasonPlaceholder')}
            data-testid="case-action-reason"
          />
        </Form.Item>
      )}
      {action === 'rate' && (
        <>
          <Form.Item
            name="satisfaction"
            label={t('cases.phoneVisit')}
            rules={[{ required: true, message: t('errors.required', { field: t('cases.satisfactionLabel') }) }]}
          >
            <Radio.Group
              optionType="button"
              options={SATISFACTION_LIST.map((s) => ({ value: s, label: labelOf('satisfaction', s) }))}
            />
          </Form.Item>
          <Form.Item name="comment" label={t('cases.comment')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
      {action && !NEEDS_REASON.includes(action) && action !== 'rate' && (
        <Form.Item name="note" label={t('cases.note')} rules={action === 'resolve' ? [req(t('cases.note'))] : []}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            placeholder={t('cases.notePlaceholder')}
            data-testid="case-action-note"
          />
        </Form.Item>
      )}
      {action === 'resolve' && (
        <Form.Item label={t('cases.resolutionPhotos')}>
          <PhotoUploader onChange={onPhotos} testId="resolve-photos" />
        </Form.Item>
      )}
    </>
  );
}
