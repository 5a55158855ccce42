/** Strings of the service days pages, merged into the app's dictionaries under `servicedays`. */
const zhCN = {
  title: '集中报到服务日',
};

const en: typeof zhCN = {
  title: 'Service days',
};

export default { zhCN, en };
