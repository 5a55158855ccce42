/** ECharts for the grid maps: the `geo` coordinate system over GeoJSON and the rippling point marker. */
import { EffectScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { echarts } from './echarts';

echarts.use([GeoComponent, EffectScatterChart]);

export { echarts };
export type { EChartsOption } from './echarts';
