/**
 * Strings of the whistle rules (吹哨): paired units, 跨社区吹哨 and its reason, a unit's decline, the community's
 * 代报到; merged into the app's dictionaries (web/src/i18n/messages.ts).
 */
const zhCN = {
  whistleRules: {
    pairedUnits: '本社区结对单位',
    noPairedUnits: '本社区今年尚无结对单位',
    paired: '结对',
    crossCommunity: '跨社区吹哨',
    crossWarning: '{{names}} 未与本社区结对，属跨社区吹哨，须说明理由',
    crossReason: '跨社区吹哨理由',
    crossReasonPlaceholder: '如：该单位有本事项所需的专业力量',
    crossReasonRequired: '请填写跨社区吹哨理由',
    proxyAcknowledge: '代报到',
    proxied: '代报到',
    proxyTitle: '代报到：{{unit}}',
    proxyHint: '报到应由单位在系统中完成。仅在单位无法登录时（如电话报到），由社区代为登记，并记录理由。',
    proxyReason: '代报到理由',
    proxyDone: '已代{{unit}}登记报到',
    declineReason: '拒绝理由',
    reason: '理由',
  },
};

const en: typeof zhCN = {
  whistleRules: {
    pairedUnits: 'Units paired with this community',
    noPairedUnits: 'No unit is paired with this community this year',
    paired: 'Paired',
    crossCommunity: 'Cross-community whistle',
    crossWarning: '{{names}}: not paired with this community. A cross-community whistle needs a reason',
    crossReason: 'Why call in units from outside the pairing',
    crossReasonPlaceholder: 'e.g. this unit has the expertise the case needs',
    crossReasonRequired: 'Give the reason for the cross-community whistle',
    proxyAcknowledge: 'Report in for the unit',
    proxied: 'Reported by proxy',
    proxyTitle: 'Report in for {{unit}}',
    proxyHint:
      'A unit reports in (报到) itself. Record it on its behalf only when it cannot log in (it reported by phone, say), and say why.',
    proxyReason: 'Reason for reporting in on its behalf',
    proxyDone: 'Report-in recorded for {{unit}}',
    declineReason: 'Reason for declining',
    reason: 'Reason',
  },
};

export default { zhCN, en };
