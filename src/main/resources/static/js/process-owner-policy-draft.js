// The draft policy version page (/process-owner/policy-drafts/{id}): "试算" fetches the test-case run
// again (HTML from the server, put in place of the last), "按草稿结果更新期望" records a case's
// expectation (PUT with If-Match: the case's lockVersion), and "影响预估" starts a preview and polls it
// every second until it is done or failed. Texts come from the page's data attributes.
(function () {
  var POLL_MS = 1000;

  function csrfHeaders(headers) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  // The problem detail's sentence (Chinese from the server), or the HTTP status when there is none.
  function refusal(response) {
    return response.json().then(function (problem) {
      return problem.detail || ('HTTP ' + response.status);
    }, function () {
      return 'HTTP ' + response.status;
    });
  }

  // --- 试算 -------------------------------------------------------------------------------------
  var runButton = document.querySelector('[data-test="run-test-cases"]');
  var runContainer = document.querySelector('[data-test="test-run-container"]');

  function runTestCases() {
    runButton.disabled = true;
    runContainer.setAttribute('aria-busy', 'true');
    return fetch(runButton.dataset.url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        runContainer.innerHTML = html;
      })
      .catch(function (error) {
        var message = document.createElement('p');
        message.className = 'notice notice-error';
        message.setAttribute('data-test', 'test-run-error');
        message.textContent = runButton.dataset.failedLabel.replace('{0}', error.message || String(error));
        runContainer.textContent = '';
        runContainer.appendChild(message);
      })
      .then(function () {
        runButton.disabled = false;
        runContainer.removeAttribute('aria-busy');
      });
  }

  if (runButton && runContainer) {
    runButton.addEventListener('click', runTestCases);
  }

  // --- 按草稿结果更新期望 ---------------------------------------------------------------------------
  document.addEventListener('submit', function (event) {
    var form = event.target.closest('[data-test="expect-form"]');
    if (!form) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector('button');
    var error = form.querySelector('[data-test="expect-error"]');
    button.disabled = true;
    error.hidden = true;
    fetch(form.dataset.url, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: csrfHeaders({ 'Content-Type': 'application/json', Accept: 'application/json',
        'If-Match': form.dataset.lockVersion }),
      body: form.dataset.expected
    }).then(function (response) {
      if (response.ok) {
        return runTestCases();
      }
      return refusal(response).then(function (detail) {
        error.textContent = form.dataset.refusedLabel.replace('{0}', detail);
        error.hidden = false;
        button.disabled = false;
      });
    }).catch(function (failure) {
      error.textContent = form.dataset.refusedLabel.replace('{0}', failure.message || String(failure));
      error.hidden = false;
      button.disabled = false;
    });
  });

  // --- 影响预估 ---------------------------------------------------------------------------------
  var impact = document.querySelector('[data-test="impact"]');
  var startButton = document.querySelector('[data-test="start-impact"]');
  if (!impact || !startButton) {
    return;
  }

  function part(name) {
    return impact.querySelector('[data-test="' + name + '"]');
  }

  function show(preview) {
    part('impact-none').hidden = true;
    part('impact-result').hidden = false;
    impact.setAttribute('data-state', preview.state);
    var state = part('impact-state');
    state.textContent = state.dataset[preview.state.toLowerCase()] || preview.state;
    part('impact-as-of').textContent = preview.asOf;
    part('impact-schools').textContent = preview.schoolsDone + ' / ' + preview.schoolsTotal;
    part('impact-checked').textContent = preview.checked;
    part('impact-changed').textContent = preview.changed;
    var percent = preview.schoolsTotal === 0 ? 100 : Math.round(100 * preview.schoolsDone / preview.schoolsTotal);
    part('impact-bar').style.width = (preview.state === 'RUNNING' ? percent : 100) + '%';
    part('impact-stale').hidden = !preview.stale;
    var failure = part('impact-failure');
    failure.hidden = !preview.failure;
    failure.textContent = preview.failure ? impact.dataset.failedLabel.replace('{0}', preview.failure) : '';
    var rows = part('impact-sample').querySelector('tbody');
    rows.textContent = '';
    (preview.sample || []).forEach(function (change) {
      var row = document.createElement('tr');
      row.setAttribute('data-test', 'impact-sample-row');
      [change.teacherName, change.schoolName, change.before, change.after].forEach(function (text) {
        var cell = document.createElement('td');
        cell.textContent = text;
        row.appendChild(cell);
      });
      rows.appendChild(row);
    });
    part('impact-sample-wrap').hidden = !preview.sample || preview.sample.length === 0;
    startButton.disabled = preview.state === 'RUNNING';
  }

  function failed(error) {
    part('impact-none').hidden = true;
    part('impact-result').hidden = false;
    var failure = part('impact-failure');
    failure.textContent = impact.dataset.failedLabel.replace('{0}', error.message || String(error));
    failure.hidden = false;
    startButton.disabled = false;
  }

  function poll(url) {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          return refusal(response).then(function (detail) {
            throw new Error(detail);
          });
        }
        return response.json();
      })
      .then(function (preview) {
        show(preview);
        if (preview.state === 'RUNNING') {
          window.setTimeout(function () {
            poll(url);
          }, POLL_MS);
        }
      })
      .catch(failed);
  }

  startButton.addEventListener('click', function () {
    startButton.disabled = true;
    fetch(impact.dataset.startUrl, { method: 'POST', credentials: 'same-origin',
      headers: csrfHeaders({ Accept: 'application/json' }) })
      .then(function (response) {
        if (!response.ok) {
          return refusal(response).then(function (detail) {
            throw new Error(detail);
          });
        }
        var location = response.headers.get('Location');
        return response.json().then(function (preview) {
          show(preview);
          if (preview.state === 'RUNNING') {
            window.setTimeout(function () {
              poll(location);
            }, POLL_MS);
          }
        });
      })
      .catch(failed);
  });

  if (impact.dataset.latestUrl) {
    poll(impact.dataset.latestUrl);
  }
})();
