import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { seesWholeCounty } from '../../../auth/access';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { formatDateTime, formatPercent } from '../../../ui/format';
import { EmptyState, LoadError, Loading } from '../../../ui/states';
import { type RunView, useRuns } from './api';
import { MatchesTable } from './MatchesTable';
import { RunFigures } from './RunFigures';
import { RunPanel } from './RunPanel';

/** 需求资源匹配: run a matching, pick a run from the history, see its figures and decide its proposals. */
export function MatchingTab() {
  const { t } = useI18n();
  const { me } = useSession();
  const runs = useRuns(true);
  const [chosen, setChosen] = useState<string | undefined>();
  const runId = chosen ?? runs.data?.items[0]?.id;
  const run = runs.data?.items.find((r) => r.id === runId);
  return (
    <Flex vertical gap={12}>
      <RunPanel countyWide={seesWholeCounty(me)} onDone={(r: RunView) => setChosen(r.id)} />
      {runs.isError ? (
        <LoadError error={runs.error} onRetry={() => void runs.refetch()} />
      ) : runs.isPending ? (
        <Loading />
      ) : !runs.data?.items.length ? (
        <EmptyState description={t('needs.run.none')} />
      ) : (
        <>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong>{t('needs.run.history')}</Typography.Text>
            <Select
              value={runId}
              onChange={setChosen}
              style={{ minWidth: 280, maxWidth: '100%' }}
              data-testid="run-select"
              options={runs.data.items.map((r) => ({
                value: r.id,
                label: `${formatDateTime(r.createdAt)} · ${r.communityName ?? t('needs.run.countyWide')} · ${formatPercent(r.stats?.weightedCoverage ?? 0)} · ${r.counts.accepted}/${r.counts.proposed + r.counts.accepted + r.counts.rejected}`,
              }))}
            />
          </Flex>
          {run && <RunFigures run={run} />}
          {run && <MatchesTable runId={run.id} />}
        </>
      )}
    </Flex>
  );
}
