import { Button, Empty, Spin, type ResultProps } from 'antd';
import { lazy, Suspense } from 'react';
import { errorMessage } from '../api/client';
import { useI18n } from '../i18n';

// antd's Result brings three illustrations (~30 KB) with it whatever its status: load it when one is first shown.
const AntResult = lazy(() => import('antd/es/result'));

/** antd's Result (403, 404, errors), loaded on first use. */
export function Result(props: ResultProps) {
  return (
    <Suspense fallback={<Loading />}>
      <AntResult {...props} />
    </Suspense>
  );
}

/** A centred spinner with a word under it, for whole panels. */
export function Loading({ minHeight = 160 }: { minHeight?: number | string }) {
  const { t } = useI18n();
  return (
    <div className="state-center" style={{ minHeight }}>
      <Spin />
      <div className="state-text">{t('common.loading')}</div>
    </div>
  );
}

/** What went wrong, in the server's words, with a retry button. */
export function LoadError({
  error,
  onRetry,
  compact = false,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      className={compact ? 'result-compact' : undefined}
      title={t('common.loadFailed')}
      subTitle={errorMessage(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

export function EmptyState({ description }: { description?: string }) {
  const { t } = useI18n();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')} />;
}
