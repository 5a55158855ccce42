/** Strings of the audit log page, merged into the app's dictionaries (web/src/i18n/messages.ts). */
const zhCN = {
  audit: {
    title: '审计日志',
    at: '时间',
    actor: '操作人',
    action: '操作',
    entityType: '对象类型',
    entityId: '对象编号',
    record: '对象',
    actorFilter: '操作人',
    objectFilter: '对象（事件编号、名称）',
    ip: 'IP 地址',
    before: '修改前',
    after: '修改后',
    range: '时间范围',
    actionFilter: '操作',
    entityFilter: '对象类型',
    noChange: '无内容',
    system: '系统',
  },
};

const en: typeof zhCN = {
  audit: {
    title: 'Audit log',
    at: 'Time',
    actor: 'User',
    action: 'Action',
    entityType: 'Record type',
    entityId: 'Record ID',
    record: 'Record',
    actorFilter: 'User',
    objectFilter: 'Record (case number, name)',
    ip: 'IP address',
    before: 'Before',
    after: 'After',
    range: 'Time range',
    actionFilter: 'Action',
    entityFilter: 'Record type',
    noChange: 'Nothing',
    system: 'System',
  },
};

export default { zhCN, en };
