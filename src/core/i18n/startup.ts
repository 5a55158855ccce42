import type { Locale } from './locale.js';

/**
 * What the server says on the console when it refuses to start (core/config.ts). No request and so no locale exists
 * yet: the message is written in both languages at once (`bothLanguages`).
 */
export const startupMessages = {
  workersNeedPostgres: {
    'zh-CN': 'WORKERS > 1 需要 PostgreSQL（设置 DATABASE_URL）：内置的 PGlite 数据库只能由一个进程打开。',
    en: 'WORKERS > 1 needs PostgreSQL (set DATABASE_URL): the embedded PGlite database can be opened by one process only.',
  },
} satisfies Record<string, Record<Locale, string>>;

export function bothLanguages(key: keyof typeof startupMessages): string {
  return `${startupMessages[key]['zh-CN']} / ${startupMessages[key].en}`;
}
