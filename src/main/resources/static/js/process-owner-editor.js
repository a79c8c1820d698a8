// The draft editor (/process-owner/drafts/{id}): bpmn-js' Modeler for a BPMN draft, dmn-js' Modeler
// (decision table view) for a DMN draft, in Chinese (process-owner-zh.js); a BPMN draft with Camunda's
// moddle types and the 步骤设置 panel (process-owner-step-settings.js). The draft comes from and
// goes to /process-owner/api/drafts/{id}: 保存 PUTs the XML with If-Match (the version read; on 409
// the editor keeps the XML and says who saved since), 校验 POSTs …/validation and marks each problem
// beside its element (BPMN: a marker and an overlay; DMN: the rule's row) and lists them all at the
// side. Texts come from the page's data attributes; the CSRF token from the layout's meta tags.
(function () {
  var container = document.querySelector('.editor');
  var chinese = window.processOwnerChinese;
  if (!container || !chinese) {
    return;
  }
  var bpmn = container.dataset.kind === 'BPMN';
  var Modeler = bpmn ? window.BpmnJS : window.DmnJS;
  if (typeof Modeler === 'undefined') {
    return;
  }
  var labels = container.dataset;
  var status = document.querySelector('[data-test="editor-status"]');
  var updated = document.querySelector('[data-test="draft-updated"]');
  var saveButton = document.querySelector('[data-action="save"]');
  var validateButton = document.querySelector('[data-action="validate"]');
  var summary = document.querySelector('[data-test="problems-summary"]');
  var list = document.querySelector('[data-test="problem-list"]');
  var modeler;
  var lockVersion;
  var marked = [];

  function format(template) {
    var values = Array.prototype.slice.call(arguments, 1);
    return template.replace(/{(\d)}/g, function (_, i) {
      return values[i];
    });
  }

  function headers(extra) {
    var result = { Accept: 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      result[header.content] = token.content;
    }
    Object.keys(extra || {}).forEach(function (name) {
      result[name] = extra[name];
    });
    return result;
  }

  /** The JSON of a response; a refusal (RFC 9457 problem) rejects with its detail and status. */
  function json(response) {
    return response.json().catch(function () {
      return {};
    }).then(function (body) {
      if (!response.ok) {
        var error = new Error(body.detail || ('HTTP ' + response.status));
        error.status = response.status;
        throw error;
      }
      return body;
    });
  }

  function say(kind, text, test) {
    status.textContent = '';
    if (!text) {
      return null;
    }
    var notice = document.createElement('div');
    notice.className = 'notice notice-' + kind;
    notice.setAttribute('data-test', test);
    notice.textContent = text;
    status.appendChild(notice);
    return notice;
  }

  function showDraft(draft) {
    lockVersion = draft.lockVersion;
    var at = beijing(draft.updatedAt);
    updated.textContent = format(labels.updatedLabel, draft.updatedBy, at, draft.lockVersion);
  }

  /** An instant as the pages write it (PageDates.DAY_TIME): 2026-12-07 09:10, Beijing time. */
  function beijing(instant) {
    var parts = {};
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant)).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
  }

  function load() {
    return fetch(labels.draftUrl, { headers: headers(), credentials: 'same-origin' }).then(json);
  }

  // The decision table of the draft's decision (the file's name), else the first table.
  function openTable() {
    var tables = modeler.getViews().filter(function (view) {
      return view.type === 'decisionTable';
    });
    var table = tables.filter(function (view) {
      return view.element.id === labels.decision;
    })[0] || tables[0];
    return table ? modeler.open(table) : Promise.resolve();
  }

  // Camunda's moddle types (camunda:properties, camunda:candidateGroups…), which the 步骤设置 panel writes.
  function camundaTypes() {
    if (!bpmn) {
      return Promise.resolve(null);
    }
    return fetch(labels.camundaModdle, { credentials: 'same-origin' }).then(json);
  }

  function start(draft, camunda) {
    container.textContent = '';
    modeler = bpmn
      ? new Modeler({ container: container, additionalModules: [chinese], moddleExtensions: { camunda: camunda } })
      : new Modeler({ container: container, common: { additionalModules: [chinese] },
        drd: { additionalModules: [chinese] }, decisionTable: { additionalModules: [chinese] } });
    return modeler.importXML(draft.content).then(function () {
      if (bpmn) {
        // The whole diagram, a little smaller and right of the palette, which lies over the canvas' left edge.
        var canvas = modeler.get('canvas');
        canvas.zoom('fit-viewport', 'auto');
        canvas.zoom(canvas.zoom() * 0.85, 'auto');
        canvas.scroll({ dx: 40, dy: 0 });
        return undefined;
      }
      return openTable();
    }).then(function () {
      showDraft(draft);
      if (!bpmn) {
        // dmn-js redraws rows on each change: keep the problem rows marked.
        modeler.on('views.changed', markRows);
        var table = modeler.getActiveViewer();
        if (table) {
          table.get('eventBus').on('elements.changed', function () {
            window.setTimeout(markRows, 0);
          });
        }
      }
      // The page's modeler, for scripted drawing: the browser tests place shapes with bpmn-js' own API.
      window.processOwnerModeler = modeler;
      if (bpmn && window.processOwnerStepSettings) {
        window.processOwnerStepSettings(modeler, draft, labels.editable === 'true');
      }
      if (labels.editable === 'true') {
        saveButton.disabled = false;
        validateButton.disabled = false;
      }
      container.setAttribute('data-rendered', 'true');
    });
  }

  function save() {
    saveButton.disabled = true;
    say('neutral', labels.savingLabel, 'saving');
    return modeler.saveXML({ format: true }).then(function (result) {
      return fetch(labels.draftUrl, {
        method: 'PUT', credentials: 'same-origin', body: result.xml,
        headers: headers({ 'Content-Type': 'application/xml; charset=UTF-8', 'If-Match': '"' + lockVersion + '"' })
      });
    }).then(json).then(function (draft) {
      showDraft(draft);
      say('info', format(labels.savedLabel, draft.lockVersion), 'saved');
    }).catch(function (error) {
      if (error.status === 409) {
        conflict(error.message);
      } else {
        say('error', format(labels.saveFailedLabel, error.message), 'save-failed');
      }
    }).then(function () {
      saveButton.disabled = false;
    });
  }

  // Another owner saved since this page read the draft: nothing of ours was stored, and nothing is
  // lost — the XML stays in the editor. Saving over theirs is a choice, made with a second button.
  function conflict(detail) {
    var notice = say('error', detail.replace(/[。.]?$/, '。') + labels.conflictLabel, 'save-conflict');
    var overwrite = document.createElement('button');
    overwrite.type = 'button';
    overwrite.className = 'button button-secondary notice-action';
    overwrite.setAttribute('data-test', 'save-overwrite');
    overwrite.textContent = labels.overwriteLabel;
    overwrite.addEventListener('click', function () {
      load().then(function (newer) {
        lockVersion = newer.lockVersion;
        return save();
      }).catch(function (error) {
        say('error', format(labels.saveFailedLabel, error.message), 'save-failed');
      });
    });
    notice.appendChild(overwrite);
  }

  function validate() {
    validateButton.disabled = true;
    summary.textContent = labels.validatingLabel;
    return fetch(labels.draftUrl + '/validation', { method: 'POST', credentials: 'same-origin', headers: headers() })
      .then(json).then(show).catch(function (error) {
        summary.textContent = format(labels.failedLabel, error.message);
      }).then(function () {
        validateButton.disabled = false;
      });
  }

  function clearMarks() {
    if (bpmn) {
      var canvas = modeler.get('canvas');
      marked.forEach(function (id) {
        canvas.removeMarker(id, 'problem');
      });
      modeler.get('overlays').remove({ type: 'problem' });
    }
    marked = [];
    markRows();
    list.textContent = '';
  }

  function markRows() {
    if (bpmn) {
      return;
    }
    container.querySelectorAll('.problem-row').forEach(function (cell) {
      if (marked.indexOf(cell.getAttribute('data-row-id')) < 0) {
        cell.classList.remove('problem-row');
      }
    });
    marked.forEach(function (id) {
      // Every cell of a rule's row (rule number, inputs, outputs, annotation) names the rule; the row itself does not.
      container.querySelectorAll('td[data-row-id="' + CSS.escape(id) + '"]').forEach(function (cell) {
        cell.classList.add('problem-row');
      });
    });
  }

  /** Where a problem is, in words: a BPMN element's name, a DMN rule's row number, or the whole file. */
  function place(problem) {
    if (!problem.elementId) {
      return labels.wholeFileLabel;
    }
    if (bpmn) {
      var element = modeler.get('elementRegistry').get(problem.elementId);
      var name = element && element.businessObject.name;
      return name ? name + '（' + problem.elementId + '）' : problem.elementId;
    }
    var rules = rulesOfTable();
    var index = rules.indexOf(problem.elementId);
    return index < 0 ? problem.elementId : format(labels.rowLabel, index + 1) + '（' + problem.elementId + '）';
  }

  function rulesOfTable() {
    var table = modeler.getActiveViewer();
    if (!table || modeler.getActiveView().type !== 'decisionTable') {
      return [];
    }
    return table.get('sheet').getRoot().rows.map(function (row) {
      return row.id;
    });
  }

  function note(problem) {
    var element = document.createElement('div');
    element.className = 'problem-note';
    element.setAttribute('data-test', 'problem-note');
    element.setAttribute('data-element', problem.elementId);
    element.textContent = problem.zh;
    return element;
  }

  function show(problems) {
    clearMarks();
    summary.textContent = problems.length ? format(labels.problemsLabel, problems.length) : labels.validLabel;
    summary.className = problems.length ? 'problems-found' : 'problems-none';
    var registry = bpmn ? modeler.get('elementRegistry') : null;
    var rules = bpmn ? [] : rulesOfTable();
    problems.forEach(function (problem) {
      var id = problem.elementId;
      if (bpmn && id && registry.get(id)) {
        if (marked.indexOf(id) < 0) {
          modeler.get('canvas').addMarker(id, 'problem');
          marked.push(id);
        }
        modeler.get('overlays').add(id, 'problem', { position: { bottom: -8, left: -10 }, html: note(problem) });
      } else if (!bpmn && id && rules.indexOf(id) >= 0) {
        marked.push(id);
      }
      var item = document.createElement('li');
      item.setAttribute('data-test', 'problem');
      item.setAttribute('data-element', id || '');
      item.setAttribute('data-rule', problem.ruleId);
      var where = document.createElement('span');
      where.className = 'problem-place';
      where.textContent = place(problem);
      var rule = document.createElement('code');
      rule.className = 'problem-rule';
      rule.textContent = problem.ruleId;
      var reason = document.createElement('span');
      reason.className = 'problem-reason';
      reason.textContent = problem.zh;
      item.appendChild(where);
      item.appendChild(rule);
      item.appendChild(reason);
      list.appendChild(item);
    });
    markRows();
  }

  saveButton && saveButton.addEventListener('click', save);
  validateButton && validateButton.addEventListener('click', validate);
  Promise.all([load(), camundaTypes()]).then(function (loaded) {
    return start(loaded[0], loaded[1]);
  }).catch(function (error) {
    container.textContent = '';
    say('error', format(labels.failedLabel, error.message), 'editor-error');
  });
})();
