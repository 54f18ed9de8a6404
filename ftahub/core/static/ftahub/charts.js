// Draws each statistics chart from the JSON figure printed beside its table (no inline script: CSP).
document.addEventListener("DOMContentLoaded", () => {
  if (!window.Plotly) return;
  for (const box of document.querySelectorAll(".chart[data-figure]")) {
    const data = document.getElementById(box.dataset.figure);
    if (!data) continue;
    const figure = JSON.parse(data.textContent);
    window.Plotly.newPlot(box, figure.data, figure.layout, { displaylogo: false, displayModeBar: false, responsive: true });
  }
});
