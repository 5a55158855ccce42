import { Form, Input, Modal, Radio, Select } from 'antd';
import { useI18n } from '../../../i18n';
import { useFeedback } from '../../../ui/feedback';
import { type RatingGrade, type RatingView, useAnswer } from './api';
import { useGradeOptions } from './parts';

interface Values {
  outcome: 'upheld' | 'revised';
  grade?: RatingGrade;
  answer: string;
}

/** 答复申诉: keep the grade or change it (the reporting rule applies: 合格+ only after 双报到), with an answer. */
export function AnswerModal({ rating, onClose }: { rating: RatingView | null; onClose: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const answer = useAnswer();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const options = useGradeOptions(rating?.reported ?? false);
  const submit = async (v: Values) => {
    if (!rating) return;
    try {
      await answer.mutateAsync({ id: rating.id, ...v });
      feedback.success(t('ratings.answered'));
      form.resetFields();
      onClose();
    } catch (err) {
      feedback.error(err);
    }
  };
  return (
    <Modal
      open={!!rating}
      title={t('ratings.answerTitle')}
      okText={t('ratings.answer')}
      cancelText={t('ratings.cancel')}
      confirmLoading={answer.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {rating && (
        <p>
          {rating.memberName} · {rating.appealReason}
        </p>
      )}
      <Form form={form} layout="vertical" initialValues={{ outcome: 'upheld' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="outcome" label={t('ratings.outcome')}>
          <Radio.Group
            options={[
              { value: 'upheld', label: t('ratings.appeals.upheld') },
              { value: 'revised', label: t('ratings.appeals.revised') },
            ]}
          />
        </Form.Item>
        {outcome === 'revised' && (
          <Form.Item name="grade" label={t('ratings.newGrade')} rules={[{ required: true }]}>
            <Select options={options} />
          </Form.Item>
        )}
        <Form.Item name="answer" label={t('ratings.answerText')} rules={[{ required: true, min: 2, max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
