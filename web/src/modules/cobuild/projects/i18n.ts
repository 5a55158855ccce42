/** Strings of the co-building projects pages, merged into the app's dictionaries under `projects`. */
const zhCN = {
  title: '共建项目',
};

const en: typeof zhCN = {
  title: 'Co-building projects',
};

export default { zhCN, en };
