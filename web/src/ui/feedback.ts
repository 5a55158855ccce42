import { App } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../api/client';

/** Toast messages bound to the antd App context (theme and locale aware). */
export function useFeedback() {
  const { message } = App.useApp();
  return useMemo(
    () => ({
      success: (text: string) => void message.success(text),
      info: (text: string) => void message.info(text),
      error: (err: unknown) => void message.error(errorMessage(err), 5),
    }),
    [message],
  );
}
