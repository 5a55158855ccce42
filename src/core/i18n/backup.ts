import type { Locale } from './locale.js';

/**
 * What `npm run backup` / `npm run restore`, the scheduled backup and an upgrade at start (core/upgrade.ts) say when
 * they refuse (core/backup/). A console has no locale, so they print both languages (`BackupError.message`).
 */
export const backupMessages = {
  BACKUP_MANIFEST_MISSING: {
    'zh-CN': '备份目录中没有可读的 manifest.json：{detail}',
    en: 'the backup folder has no readable manifest.json: {detail}',
  },
  BACKUP_MANIFEST_TAMPERED: {
    'zh-CN': 'manifest.json 的校验和不符，备份被修改过或已损坏',
    en: 'the checksum of manifest.json does not match: the backup was changed or is damaged',
  },
  BACKUP_FILE_MISMATCH: {
    'zh-CN': '备份文件 {file} 缺失、被截断或被修改（校验和不符）',
    en: 'the backup file {file} is missing, truncated or changed (checksum mismatch)',
  },
  BACKUP_SCHEMA_NEWER: {
    'zh-CN': '备份的数据库结构版本 {schema} 比本程序的迁移（最新 {latest}）更新：请先升级程序再恢复',
    en: 'the backup’s schema version {schema} is newer than this code’s migrations (latest {latest}): upgrade first',
  },
  BACKUP_SCHEMA_UNKNOWN: {
    'zh-CN': '备份的数据库结构版本 {schema} 与本程序的迁移不一致（同名迁移内容不同）',
    en: 'the backup’s schema version {schema} does not match this code’s migration of that name',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    'zh-CN': '恢复目标不是空的（{detail}）：只能恢复到空的数据目录或空的 PostgreSQL 数据库',
    en: 'the restore target is not empty ({detail}): restore only into an empty data directory or database',
  },
  DATA_DIR_BUSY: {
    'zh-CN':
      '数据目录 {dir} 正被进程 {pid} 使用（内置 PGlite 数据库只能由一个进程打开）。请停止该服务器，或使用服务器自己生成的定时备份（BACKUP_DIR）',
    en: 'the data directory {dir} is in use by process {pid} (the embedded PGlite database opens in one process only). Stop that server, or use the backups it makes itself (BACKUP_DIR)',
  },
  RESTORE_NEEDS_SUPERUSER: {
    'zh-CN': '恢复需要 PostgreSQL 超级用户（用于 session_replication_role 关闭触发器和外键检查）：{detail}',
    en: 'restore needs a PostgreSQL superuser (session_replication_role turns triggers and FK checks off): {detail}',
  },
  RESTORE_VERIFY_FAILED: {
    'zh-CN': '恢复后核对失败：表 {table} 有 {actual} 行，备份记录为 {expected} 行',
    en: 'verification after restore failed: table {table} has {actual} rows, the backup says {expected}',
  },
  UPGRADE_SCHEMA_NEWER: {
    'zh-CN':
      '数据库的结构版本（{applied}）比本程序更新（本程序最新为 {code}）：它由更新版本的联建建立或升级过。本程序拒绝启动，未改动任何数据；请运行那个更新的版本，或用升级前的备份恢复（docs/OPERATIONS.md“升级”）',
    en: 'the database’s schema ({applied}) is newer than this code’s (latest {code}): a newer version of Lianjian made or upgraded it. Refusing to start, nothing was changed; run that newer version, or restore the pre-upgrade backup (docs/OPERATIONS.md, "Upgrades")',
  },
  UPGRADE_SCHEMA_UNKNOWN: {
    'zh-CN':
      '数据库已应用的迁移 {applied} 不在本程序的迁移中（本程序最新为 {code}）：它来自另一条开发分支或被修改过的版本。本程序拒绝启动，未改动任何数据',
    en: 'the database has a migration applied ({applied}) that this code does not have (latest {code}): it came from another branch or a changed version. Refusing to start, nothing was changed',
  },
  UPGRADE_BACKUP_FAILED: {
    'zh-CN':
      '升级前备份（{from} → {to}）写入 {dir} 失败：{detail}。未执行迁移，数据未改动；请检查该目录的空间和权限后重试，或在另行备份后设置 UPGRADE_BACKUP=off 跳过',
    en: 'the pre-upgrade backup ({from} → {to}) into {dir} failed: {detail}. Nothing was migrated or changed; check that folder’s space and permissions and start again, or set UPGRADE_BACKUP=off after backing up otherwise',
  },
} satisfies Record<string, Record<Locale, string>>;

export type BackupErrorCode = keyof typeof backupMessages;
