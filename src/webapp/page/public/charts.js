// Draws the view's charts with chart.js (window.Chart, the library the bot's images use), from the
// compact arrays the server sends (src/webapp/page/charts.ts). Exposes window.DondocCharts.draw.
(() => {
  const css = (name, fallback) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

  // Value at each bar's end ("79,2%"), as the bot's images print it.
  const valueLabels = {
    id: "dondocValues",
    afterDatasetsDraw(chart) {
      const texts = chart.options.plugins.dondocValues?.texts;
      if (!texts) return;
      const meta = chart.getDatasetMeta(0);
      const { ctx } = chart;
      ctx.save();
      ctx.font = "600 11px system-ui, sans-serif";
      ctx.fillStyle = css("--text", "#212121");
      ctx.textBaseline = "middle";
      // In a column of their own right of the scale, so no target mark ever covers a value.
      ctx.textAlign = "right";
      const x = chart.width - 2;
      meta.data.forEach((bar, i) => {
        if (texts[i]) ctx.fillText(texts[i], x, bar.y);
      });
      ctx.restore();
    },
  };

  // Half-grey, so the grid recedes on Telegram's light and night themes alike and never reads as a target mark.
  const GRID = "rgba(127, 127, 127, 0.25)";

  const short = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

  function rankChart(c, onUnit) {
    const el = document.getElementById(c.id);
    if (!el) return null;
    const box = el.parentElement;
    if (box?.dataset.height) box.style.height = `${box.dataset.height}px`;
    const text = css("--text", "#212121");
    const max = Math.max(100, ...c.values, ...c.inForce.filter((x) => x !== null), ...c.next.filter((x) => x !== null));
    return new window.Chart(el, {
      data: {
        labels: c.labels,
        datasets: [
          {
            type: "bar",
            data: c.values,
            backgroundColor: c.colors,
            barPercentage: 0.8,
            categoryPercentage: 1,
            order: 2,
          },
          {
            type: "line",
            label: "Chỉ tiêu đang áp dụng",
            data: c.inForce,
            showLine: false,
            pointStyle: "line",
            rotation: 90,
            radius: 9,
            borderWidth: 3,
            borderColor: text,
            order: 0,
            // A target at 100% sits on the scale's edge: draw all of its mark.
            clip: false,
          },
          {
            type: "line",
            label: "Chỉ tiêu tiếp theo",
            data: c.next,
            showLine: false,
            pointStyle: "rectRot",
            radius: 4,
            borderWidth: 1.5,
            borderColor: text,
            backgroundColor: "transparent",
            order: 1,
            clip: false,
          },
        ],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        layout: { padding: { right: 58 } },
        animation: false,
        scales: {
          x: {
            min: 0,
            max,
            position: "top",
            ticks: { color: text, callback: (v) => `${v}%` },
            grid: { color: GRID },
          },
          y: {
            ticks: {
              color: text,
              autoSkip: false,
              font: { size: 11 },
              callback(v) {
                return short(this.getLabelForValue(v), 22);
              },
            },
            grid: { display: false },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item) =>
                item.datasetIndex === 0
                  ? c.texts[item.dataIndex]
                  : `${item.dataset.label}: ${String(item.raw).replace(".", ",")}%`,
            },
          },
          dondocValues: { texts: c.texts },
        },
        onClick: (_e, els) => {
          const hit = els[0];
          if (hit && c.units[hit.index]) onUnit(c.units[hit.index]);
        },
      },
      plugins: [valueLabels],
    });
  }

  function historyChart(c) {
    const el = document.getElementById(c.id);
    if (!el) return null;
    const text = css("--text", "#212121");
    return new window.Chart(el, {
      type: "line",
      data: {
        labels: c.labels,
        datasets: [
          {
            label: "Tỷ lệ",
            data: c.values,
            borderColor: "#1565c0",
            pointBackgroundColor: c.colors,
            pointBorderColor: c.colors,
            pointRadius: 5,
            spanGaps: false,
            tension: 0,
          },
          {
            label: "Chỉ tiêu đang áp dụng",
            data: c.targets,
            borderColor: text,
            borderDash: [6, 4],
            stepped: true,
            pointRadius: 0,
            borderWidth: 1.5,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { min: 0, max: 100, ticks: { color: text, callback: (v) => `${v}%` }, grid: { color: GRID } },
          x: { ticks: { color: text, maxRotation: 60 }, grid: { color: GRID } },
        },
        plugins: { legend: { labels: { color: text, boxWidth: 14 } } },
      },
    });
  }

  window.DondocCharts = {
    draw(charts, onUnit) {
      if (!window.Chart) return [];
      const out = [];
      for (const c of charts.rank || []) out.push(rankChart(c, onUnit));
      for (const c of charts.history || []) out.push(historyChart(c));
      return out.filter(Boolean);
    },
  };
})();
