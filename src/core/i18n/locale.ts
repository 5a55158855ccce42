/** The two languages of the API's messages; imports nothing, so every file under i18n/ can name it. */
export type Locale = 'zh-CN' | 'en';
