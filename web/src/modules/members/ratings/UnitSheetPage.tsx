import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { download } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { ExportButton } from '../../../ui/ExportButton';
import { useFeedback } from '../../../ui/feedback';
import { ListPage } from '../../../ui/ListPage';
import { LoadError } from '../../../ui/states';
import type { UnitSheet } from './api';
import { type QuarterChoice, useUnitSheet } from './api';
import { hoursOf } from './labels';
import { GradeTag, lastEndedQuarter, QuarterPicker } from './parts';

type SheetRow = UnitSheet['items'][number];

function useSheetColumns(): ColumnsType<SheetRow> {
  const { t } = useI18n();
  return [
    { title: t('ratings.member'), dataIndex: 'name', width: 90, fixed: 'left' },
    { title: t('ratings.community'), dataIndex: 'communityName', width: 110 },
    {
      title: t('ratings.reported'),
      width: 90,
      render: (_, r) =>
        r.reported ? <Tag color="green">{t('ratings.reportedYes')}</Tag> : <Tag>{t('ratings.reportedNo')}</Tag>,
    },
    { title: t('ratings.post'), dataIndex: 'post', ellipsis: true, width: 140 },
    { title: t('ratings.yearHours'), width: 90, align: 'right', render: (_, r) => hoursOf(r.yearMinutes) },
    { title: t('ratings.quarterHours'), width: 90, align: 'right', render: (_, r) => hoursOf(r.quarterMinutes) },
    { title: t('ratings.points'), dataIndex: 'points', width: 70, align: 'right' },
    {
      title: t('ratings.grade'),
      width: 130,
      render: (_, r) =>
        r.grade ? (
          <GradeTag grade={r.grade} />
        ) : (
          <Space size={2}>
            <GradeTag grade={r.suggestedGrade} />
            <Typography.Text type="secondary">{t('ratings.stateSuggested')}</Typography.Text>
          </Space>
        ),
    },
    {
      title: t('ratings.atRisk'),
      width: 80,
      render: (_, r) => (r.atRisk ? <Tag color="red">{t('ratings.atRiskYes')}</Tag> : <Tag>{t('ratings.onPace')}</Tag>),
    },
    { title: t('ratings.noShows'), dataIndex: 'noShows', width: 60, align: 'right' },
  ];
}

/**
 * 单位反馈 (a unit admin; the county sees the whole county): every in-service member of the unit wherever they live —
 * registration, post, hours, points, grade, pace, no-shows — for a quarter, with the Excel and PDF sheets.
 */
export default function UnitSheetPage() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [q, setQ] = useState<QuarterChoice>(lastEndedQuarter);
  const sheet = useUnitSheet(q);
  const columns = useSheetColumns();
  const items = sheet.data?.items ?? [];
  const title = sheet.data?.unitName ? `${t('ratings.sheetTitle')} · ${sheet.data.unitName}` : t('ratings.sheetTitle');
  const pdf = async () => {
    try {
      await download('/member-ratings/unit-sheet.pdf', { ...q }, `unit-sheet-${q.year}-q${q.quarter}.pdf`);
    } catch (err) {
      feedback.error(err);
    }
  };
  const actions = (
    <Space wrap>
      <QuarterPicker value={q} onChange={setQ} />
      <ExportButton
        path="/member-ratings/unit-sheet/export.xlsx"
        query={{ ...q }}
        fileName={`unit-sheet-${q.year}-q${q.quarter}.xlsx`}
        label={t('ratings.exportExcel')}
      />
      <Button icon={<DownloadOutlined />} onClick={() => void pdf()} data-testid="sheet-pdf">
        {t('ratings.exportPdf')}
      </Button>
    </Space>
  );
  return (
    <ListPage title={title} actions={actions}>
      {sheet.isError ? (
        <LoadError error={sheet.error} />
      ) : (
        <>
          {sheet.data && (
            <Typography.Paragraph type="secondary">
              {t('ratings.asOf', { day: sheet.data.asOf })} ·{' '}
              {t('ratings.sheetSummary', {
                n: items.length,
                rated: items.filter((r) => r.grade).length,
                risk: items.filter((r) => r.atRisk).length,
              })}
            </Typography.Paragraph>
          )}
          <Table<SheetRow>
            rowKey="memberId"
            size="small"
            loading={sheet.isFetching}
            columns={columns}
            dataSource={items}
            scroll={{ x: 960 }}
            locale={{ emptyText: t('ratings.none') }}
            pagination={{ pageSize: 50, showSizeChanger: false }}
          />
        </>
      )}
    </ListPage>
  );
}
