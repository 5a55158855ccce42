/** Strings of the pairing pages, merged into the app's dictionaries under `pairing`. */
const zhCN = {
  title: '结对共建',
};

const en: typeof zhCN = {
  title: 'Pairing',
};

export default { zhCN, en };
