/**
 * The staff app's strings: every page's, in both languages. main.tsx imports this first, so the dictionaries are set
 * up before any page module runs.
 */
import { setupI18n } from '.';
import { en, zhCN } from './messages';

setupI18n({ 'zh-CN': zhCN, en });
