// The 管理看板: the charts beside the tables (ECharts, global echarts from the vendored bundle) and the heatmap
// on the procedure's diagram (bpmn-js NavigatedViewer). Every figure is read from the page's own tables, so the
// charts show exactly what the tables say; texts come from data attributes.
(function () {
  function cells(row) {
    return Array.prototype.map.call(row.querySelectorAll('td'), function (cell) { return cell.textContent.trim(); });
  }

  function stepsChart() {
    var container = document.getElementById('steps-chart');
    var rows = document.querySelectorAll('[data-test="step-row"]');
    if (!container || typeof echarts === 'undefined' || rows.length === 0) {
      return;
    }
    var top = Array.prototype.slice.call(rows, 0, 10).reverse();
    var chart = echarts.init(container);
    chart.setOption({
      grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
      legend: { data: [container.dataset.medianLabel, container.dataset.p90Label] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: container.dataset.unit },
      yAxis: { type: 'category', data: top.map(function (row) { return row.dataset.name; }) },
      series: [
        { name: container.dataset.medianLabel, type: 'bar', data: top.map(function (row) { return Number(row.dataset.medianDays); }) },
        { name: container.dataset.p90Label, type: 'bar', data: top.map(function (row) { return Number(row.dataset.p90Days); }) }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function weeksChart() {
    var container = document.getElementById('weeks-chart');
    var table = document.querySelector('[data-test="weeks-table"]');
    if (!container || !table || typeof echarts === 'undefined') {
      return;
    }
    var names = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), cells);
    var chart = echarts.init(container);
    chart.setOption({
      grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
      legend: { data: names.slice(1) },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map(function (r) { return r[0].slice(5); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: names.slice(1).map(function (name, i) {
        return { name: name, type: i === 0 ? 'line' : 'bar', data: rows.map(function (r) { return Number(r[i + 1]); }) };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function colour(ratio) {
    // From pale yellow (short waits) to deep red (the longest median in view).
    var hue = Math.round(50 - 50 * ratio);
    var light = Math.round(85 - 40 * ratio);
    return 'hsl(' + hue + ', 90%, ' + light + '%)';
  }

  function heatmap() {
    var container = document.querySelector('[data-test="heatmap"]');
    if (!container || typeof BpmnJS === 'undefined') {
      return;
    }
    var procedure = container.dataset.procedure;
    var medians = {};
    document.querySelectorAll('[data-test="step-row"]').forEach(function (row) {
      if (row.dataset.procedure === procedure) {
        medians[row.dataset.step] = Number(row.dataset.medianDays);
      }
    });
    var longest = Math.max.apply(null, Object.keys(medians).map(function (k) { return medians[k]; }).concat([0]));
    fetch(container.dataset.modelUrl, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    }).then(function (xml) {
      var viewer = new BpmnJS({ container: container });
      return viewer.importXML(xml).then(function () {
        viewer.get('canvas').zoom('fit-viewport', 'auto');
        var overlays = viewer.get('overlays');
        var registry = viewer.get('elementRegistry');
        Object.keys(medians).forEach(function (stepId) {
          var step = registry.get(stepId);
          if (!step) {
            return;
          }
          var box = document.createElement('div');
          box.className = 'heat';
          box.setAttribute('data-test', 'heat');
          box.setAttribute('data-step', stepId);
          box.style.width = step.width + 'px';
          box.style.height = step.height + 'px';
          box.style.background = colour(longest > 0 ? medians[stepId] / longest : 0);
          var label = document.createElement('span');
          label.textContent = medians[stepId] + ' ' + container.dataset.unit;
          box.appendChild(label);
          overlays.add(stepId, 'heat', { position: { top: 0, left: 0 }, html: box });
        });
        container.setAttribute('data-rendered', 'true');
      });
    }).catch(function (error) {
      container.textContent = container.dataset.failedLabel + ' (' + (error.message || error) + ')';
    });
  }

  stepsChart();
  weeksChart();
  heatmap();
})();
