import { App } from 'antd';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type QuarterChoice, type RatingGrade, type RatingView, useConfirm, useGenerate } from './api';

/** 生成评定建议 and 确认全部建议 (with its confirmation dialog) of the ratings page. */
export function useRatingActions(
  q: QuarterChoice,
  label: string,
  items: RatingView[],
  grades: Record<string, RatingGrade>,
  onConfirmed: () => void,
) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const generate = useGenerate();
  const confirm = useConfirm();
  const onGenerate = async () => {
    try {
      const res = await generate.mutateAsync(q);
      feedback.success(t('ratings.generated', { n: res.suggested }));
    } catch (err) {
      feedback.error(err);
    }
  };
  const onConfirm = () =>
    modal.confirm({
      title: t('ratings.confirmTitle', { label }),
      content: t('ratings.confirmBody', { n: items.filter((r) => r.state === 'suggested').length }),
      okText: t('ratings.confirmAll'),
      cancelText: t('ratings.cancel'),
      onOk: async () => {
        try {
          const body = { ...q, grades: Object.entries(grades).map(([ratingId, grade]) => ({ ratingId, grade })) };
          const res = await confirm.mutateAsync(body);
          onConfirmed();
          feedback.success(t('ratings.confirmed', { n: res.confirmed }));
        } catch (err) {
          feedback.error(err);
        }
      },
    });

  return { onGenerate, onConfirm, generating: generate.isPending };
}
