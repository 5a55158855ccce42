/** Strings of the joint meetings pages, merged into the app's dictionaries under `meetings`. */
const zhCN = {
  title: '党建联席会',
};

const en: typeof zhCN = {
  title: 'Joint meetings',
};

export default { zhCN, en };
