/** Strings of the Open311 client systems page (外部系统接入), merged into the app's dictionaries (i18n/messages.ts). */
const zhCN = {
  open311: {
    title: '外部系统接入（Open311）',
    intro:
      '12345 热线、微信小程序等外部系统通过 Open311 GeoReport v2 接口（/open311/v2）上报和查询事件。每个系统一把密钥，只在创建时显示一次；停用后立即失效。',
    name: '系统名称',
    keyPrefix: '密钥开头',
    limit: '每分钟请求上限',
    createdAt: '创建时间',
    createdBy: '创建人',
    lastUsedAt: '最近使用',
    never: '从未使用',
    state: '状态',
    active: '使用中',
    revoked: '已停用',
    create: '新建接入',
    createTitle: '新建外部系统接入',
    revoke: '停用密钥',
    revokeConfirm: '停用“{{name}}”的密钥？该系统将无法再调用接口，此操作不能撤销。',
    revokedDone: '已停用',
    keyTitle: '请立即保存密钥',
    keyNote: '密钥只显示这一次，系统中只保存它的摘要，无法找回；遗失后请停用并新建。',
    copy: '复制密钥',
    copied: '已复制',
  },
};

const en: typeof zhCN = {
  open311: {
    title: 'Open311 client systems',
    intro:
      'Outside systems (the 12345 hotline, mini-programs) raise and read cases through Open311 GeoReport v2 (/open311/v2). Each has one key, shown once when it is created; a revoked key stops working at once.',
    name: 'System',
    keyPrefix: 'Key begins',
    limit: 'Requests per minute',
    createdAt: 'Created',
    createdBy: 'Created by',
    lastUsedAt: 'Last used',
    never: 'Never',
    state: 'State',
    active: 'Active',
    revoked: 'Revoked',
    create: 'New client',
    createTitle: 'New Open311 client',
    revoke: 'Revoke key',
    revokeConfirm: 'Revoke the key of "{{name}}"? The system can no longer call the API; this cannot be undone.',
    revokedDone: 'Revoked',
    keyTitle: 'Save the key now',
    keyNote:
      'The key is shown this once; only its digest is stored, so it cannot be recovered. If lost, revoke it and create another.',
    copy: 'Copy key',
    copied: 'Copied',
  },
};

export default { zhCN, en };
