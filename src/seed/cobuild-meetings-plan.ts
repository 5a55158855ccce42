/**
 * Seed text for the 2026 党建工作联席会 demo: the 急事难事 the meetings resolved (each with the unit strengths
 * that suit its owner and what was reported when it was done), standing topics per quarter, and the minutes.
 * {e} is an estate (ESTATES, demo-places.ts), {s} a street of the community.
 */
export interface MatterTemplate {
  text: string;
  /** Strengths that make a unit the natural owner. */
  fits: readonly string[];
  done: readonly string[];
}

export const MATTERS: readonly MatterTemplate[] = [
  {
    text: '{e}小区雨污管网堵塞，协调疏通并更换破损井盖',
    fits: ['construction', 'environment'],
    done: ['已疏通管网 120 米，更换井盖 6 个', '组织施工队完成疏通，居民回访满意'],
  },
  {
    text: '{s}背街小巷路灯不亮，协调维修',
    fits: ['construction', 'public_security'],
    done: ['已维修更换路灯 9 盏', '联系供电部门完成线路检修，路灯恢复照明'],
  },
  {
    text: '{e}小区楼道杂物堆放，开展消防通道清障',
    fits: ['emergency', 'public_security'],
    done: ['清理楼道杂物 3 车，张贴消防提示', '联合物业完成清障，建立每月巡查机制'],
  },
  {
    text: '{e}小区电动车飞线充电，选址建设集中充电点',
    fits: ['emergency', 'construction'],
    done: ['建成集中充电桩 20 个并投入使用', '选址完成并安装充电车棚，飞线充电基本消除'],
  },
  {
    text: '协调解决{e}小区二次供水水压不足',
    fits: ['construction'],
    done: ['更换加压泵 1 台，高层供水恢复正常', '协调自来水公司完成管道改造'],
  },
  {
    text: '{s}沿线占道经营整治',
    fits: ['public_security', 'law'],
    done: ['劝离占道摊点 15 处，设置临时疏导点', '联合执法整治完成，建立长效巡查'],
  },
  {
    text: '{e}小区化粪池满溢，协调清掏',
    fits: ['environment', 'health'],
    done: ['已完成清掏并消杀', '环卫所完成清掏，纳入定期维护'],
  },
  {
    text: '汛前{s}沿线排水口清淤',
    fits: ['emergency', 'environment'],
    done: ['清淤排水口 14 处', '汛前完成清淤，暴雨期间无积水'],
  },
  {
    text: '{e}小区监控探头补装，提升技防水平',
    fits: ['public_security'],
    done: ['补装高清探头 8 个并接入平台', '完成补装，小区技防全覆盖'],
  },
  {
    text: '学校周边上下学时段交通秩序整治，设置护学岗',
    fits: ['public_security', 'education'],
    done: ['设置护学岗 2 个，每日安排干部值守', '交警与志愿者联合值守，秩序明显好转'],
  },
  {
    text: '{e}小区物业退出后管理缺位，协调过渡管理',
    fits: ['construction', 'social_work'],
    done: ['引入临时物业服务，召开业主大会', '社区代管并成立业委会筹备组'],
  },
  {
    text: '独居高龄老人家中用电用气安全隐患排查',
    fits: ['emergency', 'elderly_care'],
    done: ['入户排查 46 户，整改隐患 12 处', '为 20 户加装燃气报警器'],
  },
  {
    text: '困难家庭子女助学帮扶',
    fits: ['education', 'youth', 'finance'],
    done: ['落实助学金 8 人次', '结对帮扶 6 名学生，发放学习用品'],
  },
  {
    text: '{e}小区违章搭建拆除协调',
    fits: ['law', 'construction'],
    done: ['拆除违建 4 处，恢复公共空间', '做通住户工作后完成拆除'],
  },
  { text: '{s}破损路面修补', fits: ['construction'], done: ['修补路面 260 平方米', '完成修补并设置减速带'] },
  {
    text: '农贸市场周边环境卫生整治',
    fits: ['environment', 'health'],
    done: ['集中整治 3 次，增设垃圾桶 12 个', '落实门前三包责任，环境明显改善'],
  },
  {
    text: '{e}小区垃圾分类投放点设置',
    fits: ['environment'],
    done: ['设置分类投放点 4 处并安排督导', '投放点建成，分类准确率提升'],
  },
  {
    text: '欠薪纠纷调解，维护务工人员权益',
    fits: ['law', 'social_work'],
    done: ['调解成功，追回工资 8.6 万元', '依法调处，双方签订还款协议'],
  },
  {
    text: '邻里漏水纠纷调解',
    fits: ['law', 'social_work'],
    done: ['上门调解并协调维修，双方和解', '联系维修单位处理，纠纷化解'],
  },
  {
    text: '{e}小区绿化带补植及枯树清理',
    fits: ['environment'],
    done: ['补植绿化 300 平方米，清理枯树 5 棵', '完成补植并落实养护责任'],
  },
  {
    text: '居民医保参保及慢病政策宣讲',
    fits: ['health', 'finance'],
    done: ['开展宣讲 2 场，现场办理参保 30 人', '入户宣传并代办续保'],
  },
  {
    text: '{e}小区外墙脱落隐患处置',
    fits: ['construction', 'emergency'],
    done: ['拆除脱落隐患部位并加固', '设置警示并完成修缮'],
  },
  {
    text: '留守儿童暑期看护，开设“四点半课堂”',
    fits: ['education', 'youth', 'culture'],
    done: ['开设课堂 20 期，服务儿童 300 人次', '组织志愿者暑期辅导，家长满意'],
  },
  { text: '{s}沿街店招广告规范整治', fits: ['culture', 'law'], done: ['规范店招 32 块', '完成整治并统一风格'] },
  {
    text: '反诈宣传进小区、进楼栋',
    fits: ['public_security', 'finance'],
    done: ['入户宣传 600 户，安装反诈 App 400 人', '开展宣传 4 场'],
  },
  {
    text: '{e}小区无障碍坡道建设',
    fits: ['construction', 'elderly_care'],
    done: ['建成坡道 3 处', '完成建设，方便轮椅出行'],
  },
  {
    text: '病媒生物防制及夏季消杀',
    fits: ['health', 'environment'],
    done: ['完成消杀 4 轮', '投放灭鼠药并清理孳生地'],
  },
  {
    text: '低保边缘家庭临时救助',
    fits: ['social_work', 'finance'],
    done: ['落实临时救助 5 户', '申请救助资金并发放到位'],
  },
] as const;

/** Standing topics that open each quarter's meeting (besides the matters and follow-ups); {year} is the meeting's year. */
export const TOPICS: Record<number, readonly string[]> = {
  1: ['通报 {year} 年共建项目清单及分工', '研究春节期间走访慰问困难群众', '部署文明创城背街小巷整治'],
  2: ['汛前准备及防汛应急分工', '部署“六一”慰问留守儿童', '通报一季度决议办理情况'],
  3: ['安全生产隐患排查整治', '“平安三率”宣传入户安排', '通报上半年共建项目进展'],
  4: ['冬季消防安全检查', '年度共建工作总结与考评', '谋划 {next} 年共建项目'],
};

export const DECLINE_NOTES = ['与县里会议冲突，书面报送意见', '主要负责同志出差，委托联络员对接'] as const;
export const PROGRESS_NOTES = [
  '责任单位汇报：正在推进，已完成过半',
  '责任单位汇报：方案已定，下月施工',
  '资金已落实，正在组织实施',
] as const;

export function topicText(text: string, year: number): string {
  return text.replaceAll('{year}', String(year)).replaceAll('{next}', String(year + 1));
}

export function fill(text: string, e: string, s: string): string {
  return text.replaceAll('{e}', e).replaceAll('{s}', s);
}

export function minutesText(o: {
  date: string;
  community: string;
  place: string;
  units: number;
  topics: readonly string[];
  resolutions: number;
  followUps: number;
}): string {
  const follow = o.followUps ? `听取了上季度 ${o.followUps} 项未办结决议的进展汇报，` : '';
  return (
    `${o.date}，${o.community}党建工作联席会在${o.place}召开，${o.units} 家结对共建单位参加。会议${follow}` +
    `研究了${o.topics.join('、')}等事项，形成决议 ${o.resolutions} 项，逐项明确责任单位和完成时限，下次联席会通报办理情况。`
  );
}
