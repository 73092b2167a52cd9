// Dashboard charts, drawn with Chart.js (served from node_modules by the app). Data comes from data-chart attributes.
(function () {
  'use strict';
  var colours = ['#0b5cad', '#1b7f3b', '#b35900', '#7b3fb3', '#c62828', '#00838f', '#5f6b7a'];
  function draw(id, type, stacked) {
    var canvas = document.getElementById(id);
    if (!canvas || !window.Chart) return;
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    new window.Chart(canvas, {
      type: type,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          return { label: s.label, data: s.data, backgroundColor: colours[i % colours.length], borderColor: colours[i % colours.length] };
        }),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
  draw('chart-weekly', 'bar', true);
  draw('chart-channels', 'bar', false);
})();
