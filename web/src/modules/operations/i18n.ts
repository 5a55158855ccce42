import type { JobName, JobState } from '../../api/contracts';

/** Strings of the background jobs page (后台任务), merged into the app's dictionaries (i18n/messages.ts). */
const zhCN = {
  jobs: {
    title: '后台任务',
    intro:
      '服务器在后台定时运行的任务：最近一次运行的时间、耗时和结果，累计运行与失败次数。逾期指超过 3 个运行间隔（至少 2 分钟）没有运行；未启用指本服务器的数据库或配置不运行它。每 30 秒自动刷新。',
    refresh: '刷新',
    checkedAt: '数据时间 {{time}}',
    job: '任务',
    state: '状态',
    every: '运行间隔',
    lastRun: '最近运行',
    duration: '耗时',
    runs: '运行次数',
    failures: '失败次数',
    lastError: '最近错误',
    lastFailedAt: '最近失败 {{time}}',
    ranBy: '运行进程',
    never: '从未运行',
    ago: '{{span}}前',
    justNow: '刚刚',
    span: {
      ms: '{{n}} 毫秒',
      seconds: '{{n}} 秒',
      minutes: '{{n}} 分钟',
      hours: '{{n}} 小时',
      days: '{{n}} 天',
    },
    everySpan: '每 {{span}}',
    states: {
      ok: '正常',
      failing: '失败',
      late: '逾期',
      never_run: '从未运行',
      off: '未启用',
    } satisfies Record<JobState, string>,
    offReasons: {
      database: '仅在 {{databases}} 上运行',
      setting: '已由配置关闭',
    },
    databases: { pglite: '内置数据库（PGlite）', postgres: 'PostgreSQL' },
    names: {
      'case-sweep': { name: '督办巡检', description: '临期提醒、超期督办并上报上一级，到期未评价的事件自动办结' },
      'meetings-propose': { name: '联席会议提议', description: '每季度开始时为各社区提议本季度的党建联席会' },
      backup: { name: '定时备份', description: '检查最近一次备份，到期（BACKUP_EVERY_HOURS）时备份数据库和上传文件' },
      vacuum: {
        name: '数据库维护',
        description: '内置数据库没有自动清理：每晚在维护时段（MAINTENANCE_HOURS）对繁忙的表执行 VACUUM (ANALYZE)',
      },
      'case-stats-fold': { name: '统计汇总', description: '把新事件的统计计数从待汇总表并入统计表（PostgreSQL）' },
      'rate-limit-prune': { name: '限流计数清理', description: '删除已结束时间窗的请求限流计数（PostgreSQL）' },
      'post-activities-sweep': {
        name: '岗位活动巡检',
        description: '岗位活动结束后标记报名未到的党员，并为仍在签到中的党员签退、写入服务台账',
      },
      'volunteer-sweep': {
        name: '志愿活动巡检',
        description: '志愿服务活动结束后为未签退的志愿者按结束时间签退并标记，报名未到的记为缺席（扣减时长）并通知本人',
      },
      'service-reminders': {
        name: '服务时长提醒',
        description: '每月初提醒服务时长落后于全年进度的在职党员（每人每月至多一次）',
      },
    } satisfies Record<JobName, { name: string; description: string }>,
  },
};

const en: typeof zhCN = {
  jobs: {
    title: 'Background jobs',
    intro:
      "The jobs the server runs on its own: when each last ran, how long it took and how it ended, with its runs and failures. Late means no run for 3 of its intervals (at least 2 minutes); off means this server's database or settings do not run it. Refreshed every 30 seconds.",
    refresh: 'Refresh',
    checkedAt: 'As of {{time}}',
    job: 'Job',
    state: 'State',
    every: 'Interval',
    lastRun: 'Last run',
    duration: 'Took',
    runs: 'Runs',
    failures: 'Failures',
    lastError: 'Last error',
    lastFailedAt: 'Last failed {{time}}',
    ranBy: 'Process',
    never: 'Never ran',
    ago: '{{span}} ago',
    justNow: 'just now',
    span: {
      ms: '{{n}} ms',
      seconds: '{{n}} s',
      minutes: '{{n}} min',
      hours: '{{n}} h',
      days: '{{n}} d',
    },
    everySpan: 'every {{span}}',
    states: {
      ok: 'OK',
      failing: 'Failing',
      late: 'Late',
      never_run: 'Never ran',
      off: 'Off',
    },
    offReasons: {
      database: 'Runs on {{databases}} only',
      setting: 'Turned off by a setting',
    },
    databases: { pglite: 'the embedded database (PGlite)', postgres: 'PostgreSQL' },
    names: {
      'case-sweep': {
        name: 'Case sweep',
        description: 'Due-soon warnings, supervision of overdue cases one level up, closing cases left unrated',
      },
      'meetings-propose': {
        name: 'Joint meeting proposals',
        description: "Proposes each community's joint Party-building meeting when a quarter begins",
      },
      backup: {
        name: 'Scheduled backup',
        description: 'Checks the newest backup and backs up the database and uploads when due (BACKUP_EVERY_HOURS)',
      },
      vacuum: {
        name: 'Database maintenance',
        description:
          'The embedded database has no autovacuum: VACUUM (ANALYZE) of the busy tables nightly in MAINTENANCE_HOURS',
      },
      'case-stats-fold': {
        name: 'Statistics fold',
        description: "Moves new cases' counts from the pending table into the statistics (PostgreSQL)",
      },
      'rate-limit-prune': {
        name: 'Rate-limit pruning',
        description: "Deletes the request rate limits' counters of ended windows (PostgreSQL)",
      },
      'post-activities-sweep': {
        name: 'Post activity sweep',
        description:
          'Once a post activity is over, marks members who signed up and never came, and checks out those still in (their service records)',
      },
      'volunteer-sweep': {
        name: 'Volunteer activity sweep',
        description:
          'Once a volunteer activity is over, checks out those still in at its end (flagged) and marks no-shows (penalty), notifying each',
      },
      'service-reminders': {
        name: 'Service hours reminders',
        description:
          'At the start of each month, reminds in-service members behind the pace of their yearly hours (at most once a month each)',
      },
    },
  },
};

export default { zhCN, en };
