/** Strings of the needs & resources pages, merged into the app's dictionaries under `needs`. */
const zhCN = {
  title: '三张清单',
};

const en: typeof zhCN = {
  title: 'Needs & resources',
};

export default { zhCN, en };
