// The process owner's decision table page: draws a version's DMN with dmn-js (Viewer, global
// DmnJS from the vendored bundle), opening the decision table view of the page's decision (our
// DMN files have no diagram, only the table). The XML comes by fetch from /process-owner/api.
(function () {
  var container = document.querySelector('.viewer-dmn');
  if (!container || typeof DmnJS === 'undefined') {
    return;
  }

  // dmn-js' own words in Chinese (its translate service; placeholders {name} as in its default).
  var zh = {
    'When': '条件', 'And': '且', 'Then': '结果', 'Hit policy:': '命中策略：', 'Annotations': '注释',
    'Unique': '唯一', 'First': '首个', 'Priority': '优先级', 'Any': '任意', 'Collect': '汇总',
    'Collect (Sum)': '汇总（求和）', 'Collect (Min)': '汇总（最小）', 'Collect (Max)': '汇总（最大）',
    'Collect (Count)': '汇总（计数）', 'Rule order': '规则顺序', 'Output order': '输出顺序'
  };
  var chinese = {
    translate: ['value', function (template, replacements) {
      replacements = replacements || {};
      return (zh[template] || template).replace(/{([^}]+)}/g, function (_, key) {
        return replacements[key] !== undefined ? replacements[key] : '{' + key + '}';
      });
    }]
  };

  function failed(error) {
    container.textContent = '';
    var message = document.createElement('p');
    message.className = 'notice notice-error';
    message.setAttribute('data-test', 'decision-error');
    message.textContent = container.dataset.failedLabel.replace('{0}', error.message || String(error));
    container.appendChild(message);
  }

  fetch(container.dataset.modelUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (model) {
      container.textContent = '';
      // Per view type: dmn-js 17 replaces common.additionalModules with the view's own.
      var viewer = new DmnJS({ container: container, decisionTable: { additionalModules: [chinese] } });
      return viewer.importXML(model.xml).then(function () {
        var table = viewer.getViews().filter(function (view) {
          return view.type === 'decisionTable' && view.element.id === container.dataset.decision;
        })[0];
        return table ? viewer.open(table) : undefined;
      }).then(function () {
        container.setAttribute('data-rendered', 'true');
      });
    })
    .catch(failed);
})();
