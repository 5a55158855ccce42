import type { Locale } from './locale.js';

/**
 * What `npm run backup` / `npm run restore` and the scheduled backup say when they refuse (core/backup/). A console
 * has no locale, so the CLI prints both languages (`BackupError.message`).
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
} satisfies Record<string, Record<Locale, string>>;

export type BackupErrorCode = keyof typeof backupMessages;
