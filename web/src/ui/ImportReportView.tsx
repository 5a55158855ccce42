import { Alert, Col, Row, Statistic, Table, Tag } from 'antd';
import type { ImportReport } from '../api/contracts';
import { useI18n } from '../i18n';
import { formatNumber } from './format';

/** The counts of an import (or its dry run) and the rows it could not take, with why. */
export function ImportReportView({
  report,
  dryRun,
  allOrNothing,
}: {
  report: ImportReport;
  dryRun: boolean;
  allOrNothing: boolean;
}) {
  const { t } = useI18n();
  const summary = dryRun
    ? t('importer.dryRunDone')
    : report.committed
      ? t('importer.importDone')
      : allOrNothing && report.errorCount > 0
        ? t('importer.importRejected')
        : t('importer.importDone');
  const type = dryRun ? 'info' : report.committed ? (report.errorCount ? 'warning' : 'success') : 'error';
  const figures: [string, string, number][] = [
    ['total', t('importer.totalRows'), report.totalRows],
    ['valid', t('importer.validRows'), report.validRows],
    ['inserted', t('importer.inserted'), report.inserted],
    ['updated', t('importer.updated'), report.updated],
    ['errors', t('importer.errorCount'), report.errorCount],
  ];
  return (
    <div data-testid="import-report">
      <Alert
        type={type}
        showIcon
        title={
          <>
            {summary}{' '}
            <Tag color={report.committed ? 'green' : 'default'}>
              {report.committed ? t('importer.committed') : t('importer.notCommitted')}
            </Tag>
          </>
        }
        style={{ marginBottom: 12 }}
      />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        {figures.map(([key, label, n]) => (
          <Col xs={8} sm={8} md={4} key={key}>
            <Statistic
              title={label}
              value={n}
              formatter={(v) => formatNumber(Number(v))}
              styles={{ content: { fontSize: 20, color: key === 'errors' && n > 0 ? '#c8161d' : undefined } }}
            />
          </Col>
        ))}
      </Row>
      {report.errorCount > report.errors.length && (
        <Alert
          type="warning"
          title={t('importer.moreErrors', { count: report.errorCount, shown: report.errors.length })}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table
        size="small"
        rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
        dataSource={report.errors}
        data-testid="import-errors"
        locale={{ emptyText: t('importer.noErrors') }}
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { key: 'row', title: t('importer.row'), dataIndex: 'row', width: 64 },
          { key: 'column', title: t('importer.column'), dataIndex: 'column', width: 110 },
          { key: 'reason', title: t('importer.reason'), dataIndex: 'reason' },
        ]}
      />
    </div>
  );
}
