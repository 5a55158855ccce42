import type { ErrorCode } from '../errors.js';
import type { Locale } from './locale.js';

/** Messages and nouns of the evaluation sessions (modules/evaluations). */
const zhMessages = {
  EVALUATION_SESSION_EXISTS: '该社区 {heldOn} 的定期评事会已经建立',
  EVALUATION_SESSION_HELD: '该次评事会已召开并存档，记录不能再修改',
  EVALUATION_SESSION_NOT_YET: '评事会定于 {heldOn} 召开，当天起才能评议和召开',
  EVALUATION_ITEMS_PENDING: '还有 {count} 件事项既未评议也未结转，不能召开',
} satisfies Partial<Record<ErrorCode, string>>;

export const evaluationsMessages: Record<Locale, Record<keyof typeof zhMessages, string>> = {
  'zh-CN': zhMessages,
  en: {
    EVALUATION_SESSION_EXISTS: 'This community already has an evaluation session on {heldOn}',
    EVALUATION_SESSION_HELD:
      'This evaluation session has been held and its record archived; it can no longer be changed',
    EVALUATION_SESSION_NOT_YET:
      'This evaluation session is set for {heldOn}; items can be judged and it can be held from that day on',
    EVALUATION_ITEMS_PENDING:
      '{count} item(s) have neither a verdict nor a carry-over to the next session; the session cannot be held yet',
  },
};

export const evaluationsNouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    evaluation_session: '评事会',
    evaluation_item: '评事事项',
    evaluation_follow_up: '评事整改任务',
  },
  en: {
    evaluation_session: 'evaluation session',
    evaluation_item: 'evaluation item',
    evaluation_follow_up: 'evaluation follow-up task',
  },
};
