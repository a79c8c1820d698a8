// 步骤设置: the draft editor's panel for the selected user task's casework settings (ADR 0012 §2), in
// plain script because bpmn-js-properties-panel ships ES modules only. It writes what a process owner
// writes in Camunda Modeler, through bpmn-js' modeling (so undo and redo work) on Camunda's moddle types:
//   name, id;
//   camunda:properties caseTask (review / submission), remindBefore, escalateWhenOverdue;
//   camunda:candidateGroups="${caseRouting.<level>Review(execution)}", or for the applicant
//   camunda:assignee="${caseRouting.applicant(execution)}" (tasks.CaseRouting, R-04);
//   camunda:formRef with camunda:formRefBinding="deployment" (one of the draft's forms);
//   camunda:dueDate (an ISO 8601 duration).
// A sequence flow leaving an exclusive gateway gets the review decision that takes it:
//   <conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'APPROVE'}</conditionExpression>
//   (the casework's decision variable, tasks.CaseTasks.DECISION), and the decision's name if it has none.
// The model guard checks the same when the draft is validated and published (tasks.ModelRules,
// DeadlineSteps). The form is the page's (draft.html); texts of refusals come from its data attributes.
(function () {
  var ROUTING = /^\$\{caseRouting\.([A-Za-z]+)\(execution\)\}$/;
  var DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
  var ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
  var APPLICANT = 'applicant';

  function format(template, value) {
    return template.replace('{0}', value);
  }

  window.processOwnerStepSettings = function (modeler, draft, editable) {
    var section = document.querySelector('[data-test="step-settings"]');
    if (!section) {
      return;
    }
    var texts = section.dataset;
    var form = section.querySelector('[data-test="step-form"]');
    var empty = section.querySelector('[data-test="step-settings-empty"]');
    var error = section.querySelector('[data-test="step-error"]');
    var fields = form.elements;
    var modeling = modeler.get('modeling');
    var moddle = modeler.get('moddle');
    var registry = modeler.get('elementRegistry');
    var forms = (draft.forms || []).map(function (name) {
      return name.replace(/\.form$/, '');
    });
    var current = null;
    var condition = new RegExp('^\\$\\{\\s*' + texts.decisionVariable + "\\s*==\\s*'([A-Z]+)'\\s*\\}$");

    form.addEventListener('submit', function (event) {
      event.preventDefault();
    });
    Array.prototype.forEach.call(fields, function (field) {
      field.disabled = !editable;
      field.addEventListener('change', function () {
        if (current) {
          error.textContent = '';
          apply(field);
          show(current);
        }
      });
    });

    // The extension elements' camunda:properties and the property called name in it (either may be missing).
    function properties(bo) {
      var extensions = bo.get('extensionElements');
      var list = extensions && extensions.get('values').filter(function (value) {
        return value.$instanceOf('camunda:Properties');
      })[0];
      return { extensions: extensions, list: list };
    }

    function property(bo, name) {
      var list = properties(bo).list;
      var found = list && list.get('values').filter(function (value) {
        return value.name === name;
      })[0];
      return found ? found.value : '';
    }

    function setProperty(element, name, value) {
      var bo = element.businessObject;
      var found = properties(bo);
      var extensions = found.extensions;
      var list = found.list;
      var existing = list && list.get('values').filter(function (item) {
        return item.name === name;
      })[0];
      if (!value) {
        if (existing) {
          modeling.updateModdleProperties(element, list, { values: list.get('values').filter(function (item) {
            return item !== existing;
          }) });
        }
        return;
      }
      if (existing) {
        modeling.updateModdleProperties(element, existing, { value: value });
        return;
      }
      if (!extensions) {
        extensions = moddle.create('bpmn:ExtensionElements', { values: [] });
        extensions.$parent = bo;
        modeling.updateProperties(element, { extensionElements: extensions });
      }
      if (!list) {
        list = moddle.create('camunda:Properties', { values: [] });
        list.$parent = extensions;
        modeling.updateModdleProperties(element, extensions, { values: extensions.get('values').concat(list) });
      }
      var item = moddle.create('camunda:Property', { name: name, value: value });
      item.$parent = list;
      modeling.updateModdleProperties(element, list, { values: list.get('values').concat(item) });
    }

    /** The routing the task names (a key of CaseRouting), '' for none, or the expression itself when it is another. */
    function performer(bo) {
      var groups = bo.get('camunda:candidateGroups');
      var assignee = bo.get('camunda:assignee');
      var expression = groups || assignee;
      if (!expression) {
        return '';
      }
      var match = ROUTING.exec(expression.trim());
      var routing = match && match[1];
      if (routing && ((routing === APPLICANT) === !groups)) {
        return routing;
      }
      return expression;
    }

    function routingExpression(routing) {
      return '${caseRouting.' + routing + '(execution)}';
    }

    function apply(field) {
      var element = current;
      var value = field.type === 'checkbox' ? field.checked : field.value.trim();
      switch (field.name) {
        case 'name':
          modeling.updateLabel(element, value || null);
          break;
        case 'id':
          if (value === element.id) {
            break;
          }
          if (!ID.test(value)) {
            refuse(texts.idLabel, value);
          } else if (registry.get(value)) {
            refuse(texts.idTakenLabel, value);
          } else {
            modeling.updateProperties(element, { id: value });
          }
          break;
        case 'condition':
          applyCondition(element, field, value);
          break;
        case 'caseTask':
          setProperty(element, 'caseTask', value);
          break;
        case 'performer':
          if (value === APPLICANT) {
            modeling.updateProperties(element, { 'camunda:assignee': routingExpression(APPLICANT),
              'camunda:candidateGroups': undefined });
          } else if (value) {
            modeling.updateProperties(element, { 'camunda:candidateGroups': routingExpression(value),
              'camunda:assignee': undefined });
          } else {
            modeling.updateProperties(element, { 'camunda:candidateGroups': undefined, 'camunda:assignee': undefined });
          }
          break;
        case 'formRef':
          modeling.updateProperties(element, { 'camunda:formRef': value || undefined,
            'camunda:formRefBinding': value ? 'deployment' : undefined });
          break;
        case 'dueDate':
          if (value && !DURATION.test(value)) {
            refuse(texts.durationLabel, value);
          } else {
            modeling.updateProperties(element, { 'camunda:dueDate': value || undefined });
          }
          break;
        case 'remindBefore':
          if (value && !DURATION.test(value)) {
            refuse(texts.durationLabel, value);
          } else {
            setProperty(element, 'remindBefore', value);
          }
          break;
        case 'escalateWhenOverdue':
          setProperty(element, 'escalateWhenOverdue', value ? 'true' : '');
          break;
        default:
      }
    }

    function applyCondition(element, field, decision) {
      var changes = { conditionExpression: decision ? moddle.create('bpmn:FormalExpression',
        { body: '${' + texts.decisionVariable + " == '" + decision + "'}" }) : undefined };
      if (decision && !element.businessObject.name) {
        changes.name = field.selectedOptions[0].getAttribute('data-label');
      }
      modeling.updateProperties(element, changes);
    }

    /** The decision a flow's condition names, '' for none, or the condition itself when it is another. */
    function decisionOf(bo) {
      var expression = bo.conditionExpression && bo.conditionExpression.body;
      if (!expression) {
        return '';
      }
      var match = condition.exec(expression.trim());
      return match ? match[1] : expression;
    }

    function refuse(template, value) {
      error.textContent = format(template, value);
    }

    // A select shows a value it does not offer (a form the draft lacks, another expression) as an extra option.
    function choose(select, value, extraLabel) {
      Array.prototype.filter.call(select.options, function (option) {
        return option.hasAttribute('data-extra');
      }).forEach(function (option) {
        option.remove();
      });
      var offered = Array.prototype.some.call(select.options, function (option) {
        return option.value === value;
      });
      if (!offered) {
        var extra = document.createElement('option');
        extra.value = value;
        extra.textContent = format(extraLabel, value);
        extra.setAttribute('data-extra', 'true');
        select.appendChild(extra);
      }
      select.value = value;
    }

    function show(element) {
      var bo = element.businessObject;
      fields.name.value = bo.name || '';
      fields.id.value = element.id;
      section.setAttribute('data-element', element.id);
      if (kindOf(element) === 'flow') {
        choose(fields.condition, decisionOf(bo), texts.otherLabel);
        return;
      }
      choose(fields.caseTask, property(bo, 'caseTask'), texts.otherLabel);
      choose(fields.performer, performer(bo), texts.otherLabel);
      choose(fields.formRef, bo.get('camunda:formRef') || '', texts.formMissingLabel);
      fields.dueDate.value = bo.get('camunda:dueDate') || '';
      fields.remindBefore.value = property(bo, 'remindBefore');
      fields.escalateWhenOverdue.checked = property(bo, 'escalateWhenOverdue') === 'true';
    }

    /** 'task' for a user task, 'flow' for a sequence flow out of an exclusive gateway, else null: nothing to set here. */
    function kindOf(element) {
      if (!element) {
        return null;
      }
      if (element.type === 'bpmn:UserTask') {
        return 'task';
      }
      var from = element.type === 'bpmn:SequenceFlow' && element.source;
      return from && from.type === 'bpmn:ExclusiveGateway' ? 'flow' : null;
    }

    function select(element) {
      var kind = kindOf(element);
      current = kind ? element : null;
      form.hidden = !current;
      empty.hidden = !!current;
      error.textContent = '';
      form.querySelectorAll('[data-for]').forEach(function (part) {
        part.hidden = part.getAttribute('data-for') !== kind;
      });
      if (current) {
        show(current);
      }
      section.setAttribute('data-element', current ? current.id : '');
    }

    forms.forEach(function (name) {
      var option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      fields.formRef.appendChild(option);
    });
    modeler.on('selection.changed', function (event) {
      select(event.newSelection.length === 1 ? event.newSelection[0] : null);
    });
    // Undo, redo and the diagram's own edits (a name typed on the canvas) show in the panel too.
    modeler.on('elements.changed', function (event) {
      if (current && event.elements.indexOf(current) >= 0) {
        if (registry.get(current.id)) {
          show(current);
        } else {
          select(null);
        }
      }
    });
    select(null);
  };
})();
