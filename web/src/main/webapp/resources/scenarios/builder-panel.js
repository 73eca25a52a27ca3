/*
 * The builder's side panel: the selected node's name and its type's options (Contract 1 / SPEC §6), or the
 * selected edge. Goal, segment and template codes are chosen from the lists the page provides. Every edit goes
 * straight into the document (builder.edited()); checking the values is the server's validation, shown on the node.
 */
(function (global) {
  'use strict';

  var S = global.WaymarkScenario;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) {
      node.setAttribute(k, attributes[k]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /** A number from a field, or undefined when it is empty (so the option is left out of the document). */
  function number(text) {
    var t = String(text).trim();
    return t === '' ? undefined : Number(t);
  }

  function set(options, key, value) {
    if (value === undefined || value === '') {
      delete options[key];
    } else {
      options[key] = value;
    }
  }

  function Panel(builder, container) {
    this.builder = builder;
    this.container = container;
  }

  /**
   * The ids of the option fields the builder has always had (tests and muscle memory find them); any other option
   * is "sc-opt-<name>".
   */
  var FIELD_IDS = {
    codes: 'sc-goal-codes', recheckPeriodMinutes: 'sc-recheck', timeoutMinutes: 'sc-timeout', minutes: 'sc-minutes',
    code: 'sc-segment', template_code: 'sc-template', banner_id: 'sc-banner-id', expiresInMinutes: 'sc-expires',
    url: 'sc-url'
  };

  /** The element type's options as the server's registry describes them ([] for a type it does not run). */
  function params(type) {
    return (S.ELEMENTS[type] || {}).params || [];
  }

  /** A field label from the option's description: "How often ... (minutes, optional)". */
  function label(param) {
    var text = param.description || param.name;
    var notes = [];
    if (param.type === 'minutes') {
      notes.push('minutes');
    }
    if (!param.required) {
      notes.push('optional');
    }
    return text.charAt(0).toUpperCase() + text.substring(1) + (notes.length ? ' (' + notes.join(', ') + ')' : '');
  }

  /** One option's value as the node shows it, or '' (criteria and headers are too long for a node). */
  function brief(param, value) {
    if (value === undefined || value === null || value === '') {
      return '';
    }
    switch (param.type) {
      case 'goal_codes':
        return value.join(', ');
      case 'minutes':
        return value + ' min';
      case 'banner_id':
        return 'banner ' + value;
      case 'variants':
        return value.map(function (v) { return v.code + ' ' + v.distribution + '%'; }).join(' / ');
      case 'criteria':
      case 'headers':
        return '';
      default:
        return String(value);
    }
  }

  /** One line about a node's configuration, shown on the node: its options, by the registry's types. */
  Panel.summary = function (model, id) {
    if (model.isTrigger(id)) {
      var t = model.triggers[id];
      var option = S.triggerSpec(t).option;
      var summary = option && t.options[option] ? t.options[option] : '';
      if (t.type === 'before_event' && t.options.minutes) {
        summary = t.options.minutes + ' min before' + (summary ? ' · ' + summary : '');
      }
      return summary;
    }
    var o = model.options(id);
    return params(model.elements[id].type).map(function (p) { return brief(p, o[p.name]); })
      .filter(Boolean).join(' · ');
  };

  Panel.prototype.show = function (selection) {
    var c = this.container;
    while (c.firstChild) {
      c.removeChild(c.firstChild);
    }
    var model = this.builder.model;
    if (!selection || (selection.kind === 'node' && !model.node(selection.id))) {
      c.appendChild(el('p', { 'class': 'wm-muted' },
        'Select a node to configure it, or an edge to delete it. Add nodes from the palette above.'));
      this.rules(model);
      this.lockIfReadOnly();
      return;
    }
    if (selection.kind === 'edge') {
      this.showEdge(selection.id);
      return;
    }
    var id = selection.id;
    var node = model.node(id);
    c.appendChild(el('h3', {}, model.isTrigger(id) ? 'Trigger: ' + S.triggerSpec(node).label
      : (S.ELEMENTS[node.type] || { label: node.type }).label));
    this.text('sc-name', 'Name', node.name, function (v) { node.name = v; });
    if (model.isTrigger(id)) {
      this.triggerOptions(node);
    } else {
      this.elementOptions(node, model.options(id));
    }
    c.appendChild(el('p', { 'class': 'wm-muted wm-sc-uuid' }, id));
    this.lockIfReadOnly();
  };

  Panel.prototype.lockIfReadOnly = function () {
    if (this.builder.readOnly) {
      Array.prototype.forEach.call(this.container.querySelectorAll('input, select, textarea, button'),
        function (f) { f.disabled = true; });
    }
  };

  var REENTRY = [['always', 'every time a trigger fires'], ['once', 'once, ever'], ['after_days', 'again after some days']];

  /**
   * The journey's rules, shown while no node is selected: who may enter again (re-entry) and which triggers take a
   * user out (exit criteria: the user's pending steps are dropped, counted as "exited").
   */
  Panel.prototype.rules = function (model) {
    var self = this;
    var c = this.container;
    c.appendChild(el('h3', {}, 'Journey rules'));
    var reentry = el('select', { id: 'sc-reentry', 'class': 'wm-select' });
    REENTRY.forEach(function (r) {
      var option = el('option', { value: r[0] }, r[1]);
      if (model.reentry.mode === r[0]) {
        option.selected = true;
      }
      reentry.appendChild(option);
    });
    reentry.addEventListener('change', function () {
      model.reentry = reentry.value === 'after_days' ? { mode: 'after_days', days: model.reentry.days || 30 }
        : { mode: reentry.value };
      self.builder.edited();
      self.show(null);
    });
    this.row('sc-reentry', 'A user enters', reentry);
    if (model.reentry.mode === 'after_days') {
      this.text('sc-reentry-days', 'Days since the last entry', model.reentry.days, function (v) {
        model.reentry.days = number(v);
      }, 'number');
    }
    c.appendChild(el('p', { 'class': 'wm-muted' }, 'Exit when (the user\'s pending steps are dropped):'));
    model.exit.forEach(function (exit, i) {
      var trigger = exit.trigger;
      var code = el('select', { id: 'sc-exit-' + i + '-code', 'class': 'wm-select' });
      Object.keys(S.TRIGGERS).filter(S.isEvent).forEach(function (k) {
        var option = el('option', { value: k }, S.TRIGGERS[k].label);
        if (trigger.code === k) {
          option.selected = true;
        }
        code.appendChild(option);
      });
      code.addEventListener('change', function () {
        trigger.code = code.value;
        trigger.options = {};
        self.builder.edited();
        self.show(null);
      });
      self.row('sc-exit-' + i + '-code', 'Exit ' + (i + 1), code);
      self.exitOption(trigger, 'sc-exit-' + i + '-option');
      var remove = el('button', { id: 'sc-exit-' + i + '-remove', type: 'button', 'class': 'wm-sc-small' }, 'Remove exit');
      remove.addEventListener('click', function () {
        model.exit.splice(i, 1);
        self.builder.edited();
        self.show(null);
      });
      c.appendChild(remove);
    });
    var add = el('button', { id: 'sc-exit-add', type: 'button', 'class': 'wm-sc-small' }, 'Add an exit');
    add.addEventListener('click', function () {
      model.exit.push({ trigger: { code: Object.keys(S.TRIGGERS).filter(S.isEvent)[0], options: {} } });
      self.builder.edited();
      self.show(null);
    });
    c.appendChild(add);
  };

  /** The option an exit's trigger matches on, picked like a trigger's own. */
  Panel.prototype.exitOption = function (trigger, id) {
    var option = (S.TRIGGERS[trigger.code] || {}).option;
    var options = trigger.options = trigger.options || {};
    var choices = this.builder.choices;
    if (option === 'goal_code') {
      this.choice(id, 'Goal', choices.goals, options.goal_code, function (v) { set(options, 'goal_code', v); });
    } else if (option === 'segment_code') {
      this.choice(id, 'Segment', choices.segments, options.segment_code, function (v) { set(options, 'segment_code', v); });
    } else if (option === 'event_name') {
      this.text(id, 'Event name', options.event_name, function (v) { set(options, 'event_name', v.trim()); });
    }
  };

  Panel.prototype.showEdge = function (edgeId) {
    var model = this.builder.model;
    var edge = model.edges().filter(function (e) { return e.id === edgeId; })[0];
    if (!edge) {
      return;
    }
    this.container.appendChild(el('h3', {}, 'Connection'));
    this.container.appendChild(el('p', {}, '“' + model.node(edge.from).name + '” → “' + model.node(edge.to).name + '” ('
      + edge.direction + (edge.position === undefined ? '' : ', variant ' + edge.position) + ')'));
    this.container.appendChild(el('p', { 'class': 'wm-muted' }, 'Delete removes this connection.'));
  };

  Panel.prototype.triggerOptions = function (trigger) {
    var option = S.triggerSpec(trigger).option;
    var options = trigger.options;
    var choices = this.builder.choices;
    if (trigger.type === 'before_event') {
      this.text('sc-trigger-minutes', 'Minutes before the event', options.minutes, function (v) {
        set(options, 'minutes', number(v));
      }, 'number');
    }
    if (option === 'goal_code') {
      this.choice('sc-trigger-goal', 'Goal', choices.goals, options.goal_code, function (v) { set(options, 'goal_code', v); });
    } else if (option === 'segment_code') {
      this.choice('sc-trigger-segment', 'Segment', choices.segments, options.segment_code,
        function (v) { set(options, 'segment_code', v); });
    } else if (option === 'event_name') {
      this.text('sc-trigger-event', 'Event name', options.event_name, function (v) { set(options, 'event_name', v.trim()); });
    }
  };

  /** A field per option of the element's type, chosen by the option's type in the registry. */
  Panel.prototype.elementOptions = function (element, o) {
    var self = this;
    var choices = this.builder.choices;
    params(element.type).forEach(function (p) {
      var id = FIELD_IDS[p.name] || 'sc-opt-' + p.name;
      var apply = function (v) { set(o, p.name, v); };
      switch (p.type) {
        case 'goal_codes':
          self.multiple(id, label(p), choices.goals, o[p.name] || [], function (v) { o[p.name] = v; });
          break;
        case 'goal_code':
          self.choice(id, label(p), choices.goals, o[p.name], apply);
          break;
        case 'segment_code':
          self.choice(id, label(p), choices.segments, o[p.name], apply);
          break;
        case 'email_template':
          self.text(id, label(p), o[p.name], function (v) { apply(v.trim()); }, 'text', 'sc-templates');
          break;
        case 'minutes':
        case 'integer':
        case 'banner_id':
          self.text(id, label(p), o[p.name], function (v) { apply(number(v)); }, 'number');
          break;
        case 'url':
          self.text(id, label(p), o[p.name], function (v) { apply(v.trim()); }, 'url');
          break;
        case 'headers':
          self.headers(o);
          break;
        case 'variants':
          self.variants(element.id, o);
          break;
        case 'criteria':
          self.criteria(o);
          break;
        default:
          self.text(id, label(p), o[p.name], function (v) { apply(v.trim()); });
      }
    });
  };

  // --- fields

  Panel.prototype.row = function (id, label, field) {
    var row = el('div', { 'class': 'wm-sc-field' });
    row.appendChild(el('label', { 'for': id }, label));
    row.appendChild(field);
    this.container.appendChild(row);
    return row;
  };

  Panel.prototype.text = function (id, label, value, apply, type, list) {
    var builder = this.builder;
    var input = el('input', { id: id, type: type || 'text', autocomplete: 'off' });
    if (list) {
      input.setAttribute('list', list);
    }
    input.value = value === undefined || value === null ? '' : value;
    input.addEventListener('input', function () {
      apply(input.value);
      builder.edited();
    });
    this.row(id, label, input);
  };

  function fill(select, codes, current) {
    var all = (codes || []).slice();
    (Array.isArray(current) ? current : [current]).forEach(function (c) {
      if (c && all.indexOf(c) < 0) {
        all.push(c); // a code that is no longer offered stays visible (the validation names it)
      }
    });
    all.forEach(function (code) {
      var option = el('option', { value: code }, code);
      option.selected = Array.isArray(current) ? current.indexOf(code) >= 0 : current === code;
      select.appendChild(option);
    });
  }

  Panel.prototype.choice = function (id, label, codes, value, apply) {
    var builder = this.builder;
    var select = el('select', { id: id, 'class': 'wm-select' });
    select.appendChild(el('option', { value: '' }, '— choose —'));
    fill(select, codes, value || '');
    select.addEventListener('change', function () {
      apply(select.value);
      builder.edited();
    });
    this.row(id, label, select);
  };

  Panel.prototype.multiple = function (id, label, codes, values, apply) {
    var builder = this.builder;
    var select = el('select', { id: id, multiple: 'multiple', size: '6', 'class': 'wm-select' });
    fill(select, codes, values);
    select.addEventListener('change', function () {
      apply(Array.prototype.filter.call(select.options, function (o) { return o.selected; }).map(function (o) { return o.value; }));
      builder.edited();
    });
    this.row(id, label, select);
  };

  /** The criteria tree as JSON text; the document keeps the last text that parsed. */
  Panel.prototype.criteria = function (o) {
    var builder = this.builder;
    var area = el('textarea', { id: 'sc-criteria', rows: '8', spellcheck: 'false' });
    area.value = JSON.stringify(o.criteria || { type: 'and', nodes: [] }, null, 2);
    var note = el('div', { 'class': 'wm-sc-field-note' });
    area.addEventListener('input', function () {
      try {
        o.criteria = JSON.parse(area.value);
        note.textContent = '';
        builder.edited();
      } catch (e) {
        note.textContent = 'Not valid JSON yet: the last valid criteria are kept.';
      }
    });
    this.row('sc-criteria', 'Criteria (JSON, as in segments; plus trigger.param)', area).appendChild(note);
  };

  /** Webhook headers as "Name: value" lines. */
  Panel.prototype.headers = function (o) {
    var builder = this.builder;
    var area = el('textarea', { id: 'sc-headers', rows: '3', spellcheck: 'false', placeholder: 'X-Api-Key: secret' });
    area.value = Object.keys(o.headers || {}).map(function (k) { return k + ': ' + o.headers[k]; }).join('\n');
    area.addEventListener('input', function () {
      var headers = {};
      area.value.split('\n').forEach(function (line) {
        var colon = line.indexOf(':');
        if (colon > 0) {
          headers[line.substring(0, colon).trim()] = line.substring(colon + 1).trim();
        }
      });
      set(o, 'headers', Object.keys(headers).length ? headers : undefined);
      builder.edited();
    });
    this.row('sc-headers', 'Headers (one "Name: value" a line)', area);
  };

  Panel.prototype.variants = function (id, o) {
    var builder = this.builder;
    var variants = o.variants || [];
    var table = el('table', { 'class': 'wm-sc-variants' });
    var head = el('tr');
    ['Code', 'Name', '%', ''].forEach(function (h) { head.appendChild(el('th', {}, h)); });
    table.appendChild(head);
    variants.forEach(function (v, i) {
      var tr = el('tr');
      [['code', 'text'], ['name', 'text'], ['distribution', 'number']].forEach(function (f) {
        var input = el('input', { id: 'sc-variant-' + f[0] + '-' + i, type: f[1], 'aria-label': f[0] + ' of variant ' + (i + 1) });
        input.value = v[f[0]] === undefined ? '' : v[f[0]];
        input.addEventListener('input', function () {
          v[f[0]] = f[1] === 'number' ? number(input.value) : input.value;
          sum.textContent = total();
          builder.edited();
        });
        var td = el('td');
        td.appendChild(input);
        tr.appendChild(td);
      });
      var remove = el('button', { type: 'button', 'class': 'wm-sc-small', title: 'Remove this variant' }, '×');
      remove.addEventListener('click', function () {
        builder.model.setVariants(id, variants.filter(function (x, j) { return j !== i; }));
        builder.changed();
      });
      var td = el('td');
      td.appendChild(remove);
      tr.appendChild(td);
      table.appendChild(tr);
    });
    function total() {
      return 'Total: ' + variants.reduce(function (s, v) { return s + (Number(v.distribution) || 0); }, 0) + '% (must be 100)';
    }
    var sum = el('div', { 'class': 'wm-muted' }, total());
    var add = el('button', { type: 'button', id: 'sc-variant-add', 'class': 'wm-sc-small' }, '+ variant');
    add.addEventListener('click', function () {
      var code = String.fromCharCode(97 + (variants.length % 26));
      builder.model.setVariants(id, variants.concat([{ code: code, name: code.toUpperCase(), distribution: 0 }]));
      builder.changed();
    });
    var row = this.row('sc-variant-code-0', 'Variants (one output each)', table);
    row.appendChild(sum);
    row.appendChild(add);
  };

  global.WaymarkScenarioPanel = Panel;
})(window);
