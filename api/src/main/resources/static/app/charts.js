// Charts: Apache ECharts (vendored, ESM build) with the SVG renderer and its aria option, so each chart has a text
// description. A sober palette with AA contrast against white.
import * as echarts from '../vendor/echarts/echarts.esm.min.js';

export const PALETTE = ['#1f4e79', '#9a5b00', '#3f6b34', '#6b3f7a', '#8c2f39', '#2f6f73', '#4d4d4d', '#7a6a1f'];
export const INK = '#1b1f23';
export const MUTED = '#4a5560';
export const GRIDLINE = '#d5dae0';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const mounted = new Set();

/**
 * Draw a chart in container. option: an ECharts option; description: what the chart shows, in words, with its
 * key numbers (read by screen readers). onClick(params): a click on a data item.
 */
export function mountChart(container, option, description, onClick) {
  container.setAttribute('role', 'img');
  const chart = echarts.init(container, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, color: INK },
    aria: { enabled: true, decal: { show: false }, label: { enabled: true, description } },
    ...option,
  });
  container.setAttribute('aria-label', description);
  if (onClick) chart.on('click', onClick);
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(container);
  const entry = { chart, observer };
  mounted.add(entry);
  return chart;
}

/** Dispose every chart (before a view redraws). */
export function disposeCharts() {
  for (const { chart, observer } of mounted) {
    observer.disconnect();
    chart.dispose();
  }
  mounted.clear();
}

export const axisCommon = {
  axisLine: { lineStyle: { color: MUTED } },
  axisTick: { lineStyle: { color: MUTED } },
  axisLabel: { color: INK },
  splitLine: { lineStyle: { color: GRIDLINE } },
  nameTextStyle: { color: INK },
};

export function tooltip(extra = {}) {
  return {
    trigger: 'item',
    confine: true,
    backgroundColor: '#ffffff',
    borderColor: MUTED,
    textStyle: { color: INK, fontFamily: FONT },
    ...extra,
  };
}

/** A white-to-navy sequential scale for shares and counts. */
export const SEQUENTIAL = ['#f2f5f8', '#c9d6e3', '#8fa9c4', '#4f7399', '#1f4e79', '#102a43'];

/** The text colour that reads on a tile of the sequential scale at this fraction of its range. */
export function inkOn(fraction) {
  return fraction > 0.62 ? '#ffffff' : INK;
}
