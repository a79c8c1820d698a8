// The process owner's diagram page: draws a version's BPMN with bpmn-js (NavigatedViewer, global
// BpmnJS from the vendored bundle) and puts the number of open cases on each step that has any.
// Everything comes by fetch from /process-owner/api; texts come from the page's data attributes.
(function () {
  var container = document.querySelector('.viewer-bpmn');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }

  function json(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function failed(error) {
    container.textContent = '';
    var message = document.createElement('p');
    message.className = 'notice notice-error';
    message.setAttribute('data-test', 'diagram-error');
    message.textContent = container.dataset.failedLabel.replace('{0}', error.message || String(error));
    container.appendChild(message);
  }

  function badge(stepId, count) {
    var element = document.createElement('span');
    element.className = 'step-count';
    element.setAttribute('data-test', 'step-count');
    element.setAttribute('data-step', stepId);
    element.textContent = container.dataset.openLabel.replace('{0}', count);
    return element;
  }

  json(container.dataset.modelUrl).then(function (model) {
    container.textContent = '';
    var viewer = new BpmnJS({ container: container });
    return viewer.importXML(model.xml).then(function () {
      viewer.get('canvas').zoom('fit-viewport', 'auto');
      return json(container.dataset.openStepsUrl);
    }).then(function (open) {
      var overlays = viewer.get('overlays');
      var registry = viewer.get('elementRegistry');
      Object.keys(open.openPerStep).forEach(function (stepId) {
        var step = registry.get(stepId);
        if (step) {
          overlays.add(stepId, 'step-count', {
            position: { bottom: 10, right: 10 },
            html: badge(stepId, open.openPerStep[stepId])
          });
        }
      });
      var countedAt = document.querySelector('[data-test="counted-at"]');
      if (countedAt) {
        countedAt.textContent = container.dataset.countedAtLabel.replace('{0}', open.countedAt);
      }
      container.setAttribute('data-rendered', 'true');
    });
  }).catch(failed);
})();
