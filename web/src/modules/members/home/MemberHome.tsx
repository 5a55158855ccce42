import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  List,
  Progress,
  QRCode,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { apiUrl } from '../../../api/client';
import { PARTY_RED } from '../../../app/theme';
import { addStrings, useI18n } from '../../../i18n';
import { formatDate } from '../../../ui/format';
import { countyShort } from '../activities/api';
import { useMyActivities, useMyPosts, useMyRatings, useMyRecentRecords, useMyReports, useMyServiceYear } from './api';
import { confirmedPosts, latestGraded, quarterCells, yearProgress } from './figures';
import memberHomeStrings from './i18n';

// The staff app's start-up strings leave out the member's home (the county's staff never open it): they come here.
addStrings(memberHomeStrings);

/** The home of a Party member: their own year, registration, certificate, post, next duties and rating. */
export function MemberHome({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="member-home">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('overview.welcome', { name })}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <HoursCard />
        </Col>
        <Col xs={24} lg={12}>
          <RegistrationCard />
        </Col>
        <Col xs={24} lg={12}>
          <PostCard />
        </Col>
        <Col xs={24} lg={12}>
          <RatingCard />
        </Col>
        <Col xs={24} lg={12}>
          <DutiesCard />
        </Col>
        <Col xs={24} lg={12}>
          <RecordsCard />
        </Col>
      </Row>
    </div>
  );
}

function HoursCard() {
  const { t } = useI18n();
  const year = useMyServiceYear();
  const y = year.data;
  const p = y && yearProgress(y);
  return (
    <Card size="small" title={t('memberHome.hours')} data-testid="member-hours">
      {year.isLoading ? (
        <Skeleton active />
      ) : !y || !p ? (
        <Alert type="warning" showIcon title={t('memberHome.loadFailed')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong style={{ fontSize: 20, color: PARTY_RED }}>
            {t('memberHome.hoursValue', { hours: p.hours, required: p.required })}
          </Typography.Text>
          <Progress percent={p.percent} status={p.atRisk ? 'exception' : 'normal'} />
          <Typography.Text type="secondary">{t('memberHome.expected', { hours: p.expectedHours })}</Typography.Text>
          {p.atRisk ? (
            <Alert type="warning" showIcon title={t('memberHome.atRisk', { hours: p.shortfallHours })} />
          ) : (
            <Tag color="green">{t('memberHome.onPace')}</Tag>
          )}
          <Row gutter={8}>
            <Col span={8}>
              <Statistic title={t('memberHome.points')} value={y.points} />
            </Col>
            {quarterCells(y).map((q) => (
              <Col span={4} key={q.quarter}>
                <Statistic
                  title={t('memberHome.quarter', { q: q.quarter })}
                  value={q.points ?? t('memberHome.notBegun')}
                  styles={{ content: { fontSize: q.points === null ? 12 : 18 } }}
                />
              </Col>
            ))}
          </Row>
        </Space>
      )}
    </Card>
  );
}

function RegistrationCard() {
  const { t } = useI18n();
  const reports = useMyReports();
  const r = reports.data;
  const pending = r?.items.some((i) => i.state === 'pending');
  const cert = r?.certificate ?? null;
  return (
    <Card size="small" title={t('memberHome.registration')} data-testid="member-registration">
      {reports.isLoading ? (
        <Skeleton active />
      ) : !r ? (
        <Alert type="warning" showIcon title={t('memberHome.loadFailed')} />
      ) : (
        <Row gutter={12} wrap={false}>
          <Col flex="auto">
            <Space orientation="vertical">
              <Space wrap>
                <Tag color={r.reported ? 'green' : 'orange'}>
                  {r.reported ? t('memberHome.reported') : t('memberHome.notReported')}
                </Tag>
                {pending && <Tag color="blue">{t('memberHome.pending')}</Tag>}
              </Space>
              {r.communityName && (
                <Typography.Text>
                  {t('memberHome.community')}：{r.communityName}
                </Typography.Text>
              )}
              {r.renewBy && (
                <Typography.Text type="secondary">
                  {t('memberHome.renewBy', { date: formatDate(r.renewBy) })}
                </Typography.Text>
              )}
              {cert ? (
                <>
                  <Typography.Text>
                    {t('memberHome.serial')}：{cert.serial}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('memberHome.expires')}：{formatDate(cert.expiresAt)}
                  </Typography.Text>
                  <Button href={apiUrl(`/member-certificates/${cert.id}/card.pdf`)} target="_blank">
                    {t('memberHome.downloadPdf')}
                  </Button>
                </>
              ) : (
                <Typography.Text type="secondary">{t('memberHome.noCertificate')}</Typography.Text>
              )}
            </Space>
          </Col>
          {cert && (
            <Col flex="none">
              <QRCode value={cert.qrText} size={132} bordered={false} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('memberHome.certificateHint')}
              </Typography.Text>
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}

function PostCard() {
  const { t, language } = useI18n();
  const posts = useMyPosts();
  const confirmed = confirmedPosts(posts.data?.items);
  return (
    <Card size="small" title={t('memberHome.post')} data-testid="member-post">
      {posts.isLoading ? (
        <Skeleton active />
      ) : confirmed.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberHome.noPost')} />
      ) : (
        <List
          size="small"
          dataSource={confirmed}
          renderItem={(p) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{language === 'en' ? p.postTypeNameEn : p.postTypeName}</Typography.Text>
                <Typography.Text type="secondary">
                  {p.openingTitle} · {p.communityName}
                  {p.gridName ? ` · ${p.gridName}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function RatingCard() {
  const { t } = useI18n();
  const ratings = useMyRatings();
  const latest = latestGraded(ratings.data?.items);
  return (
    <Card size="small" title={t('memberHome.rating')} data-testid="member-rating">
      {ratings.isLoading ? (
        <Skeleton active />
      ) : !latest?.grade ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberHome.noRating')} />
      ) : (
        <Space orientation="vertical">
          <Typography.Text type="secondary">
            {latest.year} {t('memberHome.quarter', { q: latest.quarter })}
          </Typography.Text>
          <Typography.Text strong style={{ fontSize: 20, color: PARTY_RED }}>
            {t(`memberHome.grade.${latest.grade}`)}
          </Typography.Text>
          {latest.appealState === 'pending' && <Tag color="blue">{t('memberHome.appealPending')}</Tag>}
        </Space>
      )}
    </Card>
  );
}

function DutiesCard() {
  const { t, language } = useI18n();
  const activities = useMyActivities();
  const items = activities.data?.items.slice(0, 6) ?? [];
  return (
    <Card size="small" title={t('memberHome.duties')} data-testid="member-duties">
      {activities.isLoading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberHome.noDuties')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item>
              <Space wrap>
                <Typography.Text>{countyShort(a.startsAt)}</Typography.Text>
                <Typography.Text strong>{a.title}</Typography.Text>
                <Typography.Text type="secondary">
                  {language === 'en' ? a.postTypeNameEn : a.postTypeName} · {a.place}
                </Typography.Text>
                {a.myPost && <Tag color="red">{t('memberHome.myPostTag')}</Tag>}
                {a.mySignup?.checkedInAt ? (
                  <Tag color="green">{t('memberHome.checkedIn')}</Tag>
                ) : (
                  a.mySignup && <Tag color="blue">{t('memberHome.signedUp')}</Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function RecordsCard() {
  const { t } = useI18n();
  const records = useMyRecentRecords();
  const items = records.data?.items ?? [];
  return (
    <Card size="small" title={t('memberHome.records')} data-testid="member-records">
      {records.isLoading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberHome.noRecords')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item data-testid="member-record">
              <Space wrap>
                <Typography.Text>{formatDate(r.day)}</Typography.Text>
                <Typography.Text strong>{r.title}</Typography.Text>
                <Tag>{t('memberHome.minutes', { h: Math.floor(r.minutes / 60), m: r.minutes % 60 })}</Tag>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
