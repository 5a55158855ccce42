/**
 * The article's volunteer catalogue: 7 series (文化体育, 治安巡逻, 政策宣传, 便民服务, 环境保护, 奉献爱心 … — the
 * seventh, 文明实践, is the civilisation-practice centre's own) and 19 types under them. Keys are stable; names are
 * shown. Inserted by the demo and the test world; the county edits it on the catalogue page.
 */
export interface CatalogueSeries {
  key: string;
  name: string;
  nameEn: string;
  types: { key: string; name: string; nameEn: string }[];
}

export const VOLUNTEER_CATALOGUE: CatalogueSeries[] = [
  {
    key: 'culture_sports',
    name: '文化体育',
    nameEn: 'Culture and sports',
    types: [
      { key: 'square_dance', name: '广场文艺', nameEn: 'Square performances' },
      { key: 'choir', name: '合唱演出', nameEn: 'Choir' },
      { key: 'fitness_guidance', name: '健身指导', nameEn: 'Fitness guidance' },
    ],
  },
  {
    key: 'security_patrol',
    name: '治安巡逻',
    nameEn: 'Security patrol',
    types: [
      { key: 'street_patrol', name: '街巷巡逻', nameEn: 'Street patrol' },
      { key: 'traffic_guidance', name: '文明交通劝导', nameEn: 'Traffic guidance' },
      { key: 'fire_safety', name: '消防安全检查', nameEn: 'Fire safety checks' },
    ],
  },
  {
    key: 'policy_outreach',
    name: '政策宣传',
    nameEn: 'Policy outreach',
    types: [
      { key: 'policy_talk', name: '政策宣讲', nameEn: 'Policy talks' },
      { key: 'anti_fraud', name: '反诈宣传', nameEn: 'Anti-fraud outreach' },
      { key: 'legal_advice', name: '普法咨询', nameEn: 'Legal advice' },
    ],
  },
  {
    key: 'convenience',
    name: '便民服务',
    nameEn: 'Convenience services',
    types: [
      { key: 'repairs', name: '义务维修', nameEn: 'Free repairs' },
      { key: 'haircut', name: '义务理发', nameEn: 'Free haircuts' },
      { key: 'free_clinic', name: '爱心义诊', nameEn: 'Free clinics' },
    ],
  },
  {
    key: 'environment',
    name: '环境保护',
    nameEn: 'Environment',
    types: [
      { key: 'waste_sorting', name: '垃圾分类引导', nameEn: 'Waste sorting guidance' },
      { key: 'alley_cleanup', name: '街巷清洁', nameEn: 'Alley clean-up' },
      { key: 'greening', name: '植绿护绿', nameEn: 'Greening' },
    ],
  },
  {
    key: 'caring',
    name: '奉献爱心',
    nameEn: 'Caring',
    types: [
      { key: 'elderly_visits', name: '走访慰问老人', nameEn: 'Visiting the elderly' },
      { key: 'left_behind_children', name: '关爱留守儿童', nameEn: 'Left-behind children' },
    ],
  },
  {
    key: 'civilisation_practice',
    name: '文明实践',
    nameEn: 'Civilisation practice',
    types: [
      { key: 'red_canteen', name: '红色共享餐厅', nameEn: 'Red shared canteen' },
      { key: 'practice_station', name: '文明实践站值守', nameEn: 'Practice station duty' },
    ],
  },
];
