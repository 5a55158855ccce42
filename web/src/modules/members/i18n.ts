/** Strings of the Party member pages, merged into the app's dictionaries (web/src/i18n/messages.ts). */
const zhCN = {
  members: {
    title: '党员',
    name: '姓名',
    gender: '性别',
    phone: '手机号码',
    kind: '党员类别',
    unit: '工作单位',
    branch: '所在支部',
    residence: '居住社区',
    joinedAt: '入党日期',
    person: '人员',
    personSearch: '输入姓名或电话搜索已登记人员',
    personHint: '请先在“人员”中登记此人，再把他设为党员',
    kindFilter: '类别',
    unitFilter: '工作单位',
    branchFilter: '所在支部',
    residenceFilter: '居住社区',
    searchPlaceholder: '姓名或电话',
    createTitle: '登记党员',
    editTitle: '编辑党员：{{name}}',
    viewPerson: '查看人员档案',
  },
};

const en: typeof zhCN = {
  members: {
    title: 'Party members',
    name: 'Name',
    gender: 'Gender',
    phone: 'Mobile',
    kind: 'Kind',
    unit: 'Work unit',
    branch: 'Branch',
    residence: 'Residence community',
    joinedAt: 'Joined the Party',
    person: 'Person',
    personSearch: 'Search registered people by name or phone',
    personHint: 'Register the person under "People" first, then make them a Party member',
    kindFilter: 'Kind',
    unitFilter: 'Work unit',
    branchFilter: 'Branch',
    residenceFilter: 'Residence community',
    searchPlaceholder: 'Name or phone',
    createTitle: 'Register a Party member',
    editTitle: 'Edit Party member: {{name}}',
    viewPerson: 'Open person record',
  },
};

export default { zhCN, en };
