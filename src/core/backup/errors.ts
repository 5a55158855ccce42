import { type BackupErrorCode, backupMessages } from '../i18n/backup.js';
import type { Locale } from '../i18n/locale.js';

export type { BackupErrorCode };

/**
 * A refused backup, restore or upgrade. Not an API error (no HTTP request asks for one): the CLI prints `message`, which holds
 * both languages, and exits non-zero; tests look at `code`.
 */
export class BackupError extends Error {
  readonly code: BackupErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: BackupErrorCode, params: Record<string, string | number> = {}) {
    super(`${code}: ${backupMessage(code, 'zh-CN', params)} / ${backupMessage(code, 'en', params)}`);
    this.name = 'BackupError';
    this.code = code;
    this.params = params;
  }
}

export function backupMessage(code: BackupErrorCode, locale: Locale, params: Record<string, string | number>): string {
  return backupMessages[code][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
