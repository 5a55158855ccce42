/**
 * ECharts with only the parts the statistics charts draw (bars, pies, axes, tooltip, legend), imported only by
 * chunks that draw charts (EChartCanvas and the maps). Maps add theirs in echarts-map.ts; a chart of another kind
 * registers its series type where it is drawn (PairingMap: lines, scatter).
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type EChartsOption = Parameters<echarts.ECharts['setOption']>[0];
