// The dashboard's only chart module: a thin wrapper over the vendored uPlot (lib/uplot-1.6.32, loaded by App.razor).
// Blazor calls createTimeSeries once per chart shape, then setData with new columns; dispose when the component goes.

const palette = ["#c23a3a", "#1d8a4e", "#5b3cc4", "#b7791f", "#2f6fb5"];

export function createTimeSeries(element, title, seriesNames, unit) {
  const uPlot = window.uPlot;
  const width = () => Math.max(320, element.clientWidth || 600);
  const options = {
    title,
    width: width(),
    height: 260,
    scales: { x: { time: true } },
    axes: [{}, { label: unit, size: 70 }],
    series: [{}].concat(seriesNames.map((name, i) => ({
      label: name,
      stroke: palette[i % palette.length],
      width: 1.6,
      spanGaps: true,
    }))),
  };
  const empty = [[]].concat(seriesNames.map(() => []));
  const plot = new uPlot(options, empty, element);
  const resize = () => plot.setSize({ width: width(), height: 260 });
  window.addEventListener("resize", resize);
  return {
    setData(columns) {
      plot.setData(columns);
    },
    dispose() {
      window.removeEventListener("resize", resize);
      plot.destroy();
    },
  };
}
