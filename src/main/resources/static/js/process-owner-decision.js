// The process owner's decision table page: draws a version's DMN with dmn-js (Viewer, global
// DmnJS from the vendored bundle), opening the decision table view of the page's decision (our
// DMN files have no diagram, only the table), in Chinese (process-owner-zh.js). The XML comes by
// fetch from /process-owner/api.
(function () {
  var container = document.querySelector('.viewer-dmn');
  if (!container || typeof DmnJS === 'undefined' || !window.processOwnerChinese) {
    return;
  }

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
      var viewer = new DmnJS({ container: container, decisionTable: { additionalModules: [window.processOwnerChinese] } });
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
