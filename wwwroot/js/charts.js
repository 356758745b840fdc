// The dashboard's only chart module: a thin wrapper over the vendored uPlot (lib/uplot-1.6.32, loaded by App.razor).
// Blazor calls createTimeSeries once per chart shape, then setData with new columns and their layout (the time range
// and, when the server works it out, the value axis: range, ticks and exact labels); dispose when the component goes.

const palette = ["#c23a3a", "#1d8a4e", "#5b3cc4", "#b7791f", "#2f6fb5"];

// Legend values of a server-given axis: every digit down to a gwei, grouped as the rest of the dashboard writes them.
const exact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 9 });

export function createTimeSeries(element, title, seriesNames, unit, fixedAxis) {
  const uPlot = window.uPlot;
  const width = () => Math.max(320, element.clientWidth || 600);
  let layout = null;
  const valueAxis = { label: unit, size: axisSize };
  if (fixedAxis) {
    valueAxis.splits = () => (layout && layout.y ? layout.y.ticks.map((t) => t.value) : []);
    valueAxis.values = () => (layout && layout.y ? layout.y.ticks.map((t) => t.label) : []);
  }
  const options = {
    title,
    width: width(),
    height: 260,
    scales: {
      // One sample has no extent of its own: the server gives a time range of at least a minute.
      x: { time: true, range: (u, min, max) => (layout ? [layout.xMin, layout.xMax] : [min, max]) },
      y: {
        range: (u, min, max) => (layout && layout.y ? [layout.y.min, layout.y.max]
          : min == null || max == null ? [0, 1] : uPlot.rangeNum(min, max, 0.1, true)),
      },
    },
    axes: [{}, valueAxis],
    series: [{}].concat(seriesNames.map((name, i) => ({
      label: name,
      stroke: palette[i % palette.length],
      width: 1.6,
      spanGaps: true,
      // Filled dots where uPlot shows points (few samples): a lone sample is plain to see.
      points: { size: 7, fill: palette[i % palette.length] },
      value: fixedAxis ? (u, v) => (v == null ? "--" : exact.format(v)) : undefined,
    }))),
  };
  const empty = [[]].concat(seriesNames.map(() => []));
  const plot = new uPlot(options, empty, element);
  const resize = () => plot.setSize({ width: width(), height: 260 });
  window.addEventListener("resize", resize);
  return {
    setData(columns, newLayout) {
      layout = newLayout;
      plot.setData(columns);
    },
    dispose() {
      window.removeEventListener("resize", resize);
      plot.destroy();
    },
  };
}

// Wide enough for the longest tick label (uPlot's demo "axis-autosize"); the axis label has its own room.
function axisSize(u, values, axisIdx, cycleNum) {
  const axis = u.axes[axisIdx];
  if (cycleNum > 1) {
    return axis._size;
  }
  let size = axis.ticks.size + axis.gap;
  const longest = (values || []).reduce((acc, v) => (String(v).length > acc.length ? String(v) : acc), "");
  if (longest !== "") {
    u.ctx.font = axis.font[0];
    size += u.ctx.measureText(longest).width / (window.devicePixelRatio || 1);
  }
  return Math.ceil(Math.max(size, 40));
}
