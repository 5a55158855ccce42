import { Alert, Button, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { countyWallClock } from '../../../ui/clock';
import { ListPage } from '../../../ui/ListPage';
import { LoadError } from '../../../ui/states';
import { type QuarterChoice, type RatingGrade, type RatingView, useRatings } from './api';
import { useRatingActions } from './useRatingActions';
import { AnswerModal } from './AnswerModal';
import { lastEndedQuarter, QuarterPicker } from './parts';
import { useRatingColumns } from './ratingColumns';
import { useAppealColumns } from './appealColumns';

const hasEnded = (q: QuarterChoice, now: Date) => {
  const nextYear = q.quarter === 4 ? q.year + 1 : q.year;
  const nextMonth = q.quarter === 4 ? 0 : q.quarter * 3;
  return now >= new Date(nextYear, nextMonth, 1);
};

/**
 * 季度评定 (community staff, the county): choose a quarter, generate the suggestions, change a grade, confirm all in
 * one go (a confirmation dialog; only once the quarter has ended), and answer appeals in the second tab.
 */
export default function RatingsPage() {
  const { t } = useI18n();
  const [q, setQ] = useState<QuarterChoice>(lastEndedQuarter);
  const [page, setPage] = useState(1);
  const [grades, setGrades] = useState<Record<string, RatingGrade>>({});
  const [answering, setAnswering] = useState<RatingView | null>(null);
  const list = useRatings({ ...q, page, pageSize: 50, sort: 'name' });
  const appeals = useRatings({ appeal: 'pending', pageSize: 100 });
  const columns = useRatingColumns(grades, (id, g) => setGrades((x) => ({ ...x, [id]: g })));
  const appealColumns = useAppealColumns(setAnswering);
  const ended = hasEnded(q, countyWallClock());
  const label = t('ratings.quarterLabel', { ...q });

  const { onGenerate, onConfirm, generating } = useRatingActions(q, label, list.data?.items ?? [], grades, () =>
    setGrades({}),
  );
  const actions = (
    <Space wrap>
      <QuarterPicker value={q} onChange={(v) => (setQ(v), setPage(1), setGrades({}))} />
      <Button onClick={() => void onGenerate()} loading={generating} data-testid="ratings-generate">
        {t('ratings.generate')}
      </Button>
      <Button type="primary" disabled={!ended} onClick={onConfirm} data-testid="ratings-confirm">
        {t('ratings.confirmAll')}
      </Button>
    </Space>
  );
  const ratingsTab = (
    <>
      {!ended && <Alert type="info" showIcon message={t('ratings.notEnded')} style={{ marginBottom: 12 }} />}
      {list.isError ? (
        <LoadError error={list.error} />
      ) : (
        <Table<RatingView>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('ratings.none') }}
          pagination={{
            current: page,
            pageSize: 50,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
      )}
    </>
  );
  const appealsTab = (
    <Table<RatingView>
      rowKey="id"
      size="small"
      loading={appeals.isFetching}
      columns={appealColumns}
      dataSource={appeals.data?.items ?? []}
      scroll={{ x: 800 }}
      locale={{ emptyText: t('ratings.noAppeals') }}
      pagination={false}
    />
  );
  return (
    <ListPage title={t('ratings.title')} actions={actions}>
      <Tabs
        items={[
          { key: 'ratings', label: t('ratings.tabRatings'), children: ratingsTab },
          {
            key: 'appeals',
            label: `${t('ratings.tabAppeals')} ${appeals.data?.total ? `(${appeals.data.total})` : ''}`,
            children: appealsTab,
          },
        ]}
      />
      <AnswerModal rating={answering} onClose={() => setAnswering(null)} />
    </ListPage>
  );
}
