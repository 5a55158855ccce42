/**
 * Names of the audit log's record types and actions (every action key written in src/modules: checked by
 * auditActions.test.ts), merged into the app's dictionaries (web/src/i18n/messages.ts) as the `entityType` and
 * `auditAction` label groups.
 */
import cobuild from './labels.cobuild.i18n';
import core from './labels.core.i18n';
import members from './labels.members.i18n';
import volunteers from './labels.volunteers.i18n';

// One file per part of the product (core and cases, co-building, the members' service, volunteers), each under ~400 lines.
const zhCN = {
  entityType: {
    ...core.zhCN.entityType,
    ...cobuild.zhCN.entityType,
    ...members.zhCN.entityType,
    ...volunteers.zhCN.entityType,
  },
  auditAction: {
    ...core.zhCN.auditAction,
    ...cobuild.zhCN.auditAction,
    ...members.zhCN.auditAction,
    ...volunteers.zhCN.auditAction,
  },
};

const en: typeof zhCN = {
  entityType: {
    ...core.en.entityType,
    ...cobuild.en.entityType,
    ...members.en.entityType,
    ...volunteers.en.entityType,
  },
  auditAction: {
    ...core.en.auditAction,
    ...cobuild.en.auditAction,
    ...members.en.auditAction,
    ...volunteers.en.auditAction,
  },
};

export default { zhCN, en };
