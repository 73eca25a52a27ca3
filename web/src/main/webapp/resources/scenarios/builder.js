/*
 * The scenario builder's canvas: nodes (absolutely placed divs) over an SVG layer with the edges. Add a node by
 * clicking (or dragging) a palette item; connect by clicking an output port and then an input port (or dragging
 * between them); select a node or an edge and delete it with the Delete button or key. Every change is written
 * into the page's hidden document field, which the JSF "Save" submits. The side panel is builder-panel.js.
 */
(function (global) {
  'use strict';

  var S = global.WaymarkScenario;
  var SVG = 'http://www.w3.org/2000/svg';
  var SLOT = { w: 200, h: 150, x0: 20, y0: 20, columns: 3 };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function parse(text, fallback) {
    try {
      return text ? JSON.parse(text) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function Builder(root) {
    this.root = root;
    this.readOnly = root.getAttribute('data-readonly') === 'true';
    S.register(parse(root.getAttribute('data-registry'), null));
    this.field = document.getElementById(root.getAttribute('data-document-field'));
    this.model = new S.Scenario(parse(this.field.value, {}));
    this.errors = parse(root.getAttribute('data-errors'), {});
    this.choices = parse(root.getAttribute('data-choices'), {});
    this.canvas = root.querySelector('.wm-sc-canvas');
    this.svg = root.querySelector('.wm-sc-edges');
    this.status = root.querySelector('.wm-sc-status');
    this.selected = null; // {kind: 'node'|'edge', id}
    this.pending = null; // an output port clicked, waiting for an input: {from, port}
    this.gesture = null; // a drag under way
    this.suppressClick = false;
    this.stats = parse(root.getAttribute('data-stats'), null);
    this.panel = new global.WaymarkScenarioPanel(this, root.querySelector('.wm-sc-panel'));
    this.offerTemplates();
    this.renderPalette(root.querySelector('.wm-sc-palette'));
    this.bind();
    this.render();
    this.sync();
  }

  /** Click (or drag) an item to add it: trigger event codes and element types, from the model's lists. */
  Builder.prototype.renderPalette = function (palette) {
    if (this.readOnly) {
      return;
    }
    [['trigger', 'Triggers', S.TRIGGERS], ['element', 'Elements', S.ELEMENTS]].forEach(function (group) {
      var box = el('div', 'wm-sc-palette-group');
      box.appendChild(el('span', null, group[1] + ':'));
      Object.keys(group[2]).forEach(function (type) {
        var item = el('button', 'wm-sc-item wm-sc-item-' + group[0], group[2][type].label);
        item.type = 'button';
        item.id = 'sc-add-' + type;
        item.draggable = true;
        item.title = 'Click to add, or drag onto the canvas';
        item.setAttribute('data-kind', group[0]);
        item.setAttribute('data-type', type);
        box.appendChild(item);
      });
      palette.appendChild(box);
    });
  };

  /** The template codes the page knows, offered in the email / SMS template fields. */
  Builder.prototype.offerTemplates = function () {
    var list = el('datalist');
    list.id = 'sc-templates';
    (this.choices.templates || []).forEach(function (code) {
      var option = el('option');
      option.value = code;
      list.appendChild(option);
    });
    this.root.appendChild(list);
  };

  /** Writes the document into the hidden field the Save button submits. */
  Builder.prototype.sync = function () {
    this.field.value = JSON.stringify(this.model.toJson());
  };

  /** After a change to the document: redraw, keep the selection, save into the field. */
  Builder.prototype.changed = function () {
    this.render();
    this.sync();
  };

  Builder.prototype.say = function (text, problem) {
    this.status.textContent = text || '';
    this.status.classList.toggle('wm-sc-status-problem', !!problem);
  };

  /** The first free slot of the grid, for nodes added by a click. */
  Builder.prototype.freeSlot = function () {
    var taken = {};
    var model = this.model;
    model.nodeIds().forEach(function (id) {
      var p = model.position(id);
      taken[Math.round((p.x - SLOT.x0) / SLOT.w) + ',' + Math.round((p.y - SLOT.y0) / SLOT.h)] = true;
    });
    for (var i = 0; ; i++) {
      var column = i % SLOT.columns;
      var row = Math.floor(i / SLOT.columns);
      if (!taken[column + ',' + row]) {
        return { x: SLOT.x0 + column * SLOT.w, y: SLOT.y0 + row * SLOT.h };
      }
    }
  };

  Builder.prototype.add = function (kind, type, at) {
    if (this.readOnly) {
      return null;
    }
    var p = at || this.freeSlot();
    var id = kind === 'trigger' ? this.model.addTrigger(type, p.x, p.y) : this.model.addElement(type, p.x, p.y);
    this.selected = { kind: 'node', id: id };
    this.say('Added. Connect it: click an output port (right), then an input port (left).');
    this.changed();
    return id;
  };

  Builder.prototype.connect = function (from, port, to) {
    try {
      this.model.connect(from, port, to);
      this.say('Connected.');
      this.changed();
    } catch (e) {
      this.say(e.message, true);
    }
  };

  Builder.prototype.deleteSelected = function () {
    if (this.readOnly || !this.selected) {
      return;
    }
    if (this.selected.kind === 'edge') {
      this.model.disconnect(this.selected.id);
    } else {
      this.model.remove(this.selected.id);
    }
    this.selected = null;
    this.say('Deleted.');
    this.changed();
  };

  Builder.prototype.select = function (selection) {
    this.selected = selection;
    this.render();
  };

  // --- drawing

  /** Redraws the canvas and the side panel (after a change of structure or selection). */
  Builder.prototype.render = function () {
    this.redraw();
    this.panel.show(this.selected);
  };

  /** After the side panel changed a node: redraw the canvas (the panel keeps its focus) and save into the field. */
  Builder.prototype.edited = function () {
    this.redraw();
    this.sync();
  };

  Builder.prototype.redraw = function () {
    var self = this;
    this.rememberFocus();
    Array.prototype.slice.call(this.canvas.querySelectorAll('.wm-sc-node')).forEach(function (n) { n.remove(); });
    var right = 0;
    var bottom = 0;
    this.model.nodeIds().forEach(function (id) {
      var node = self.renderNode(id);
      self.canvas.appendChild(node);
      var p = self.model.position(id);
      right = Math.max(right, p.x + 400);
      bottom = Math.max(bottom, p.y + 300);
    });
    this.canvas.style.minWidth = right + 'px';
    this.canvas.style.minHeight = Math.max(bottom, 480) + 'px';
    this.drawEdges();
    this.restoreFocus();
    this.root.querySelector('.wm-sc-delete').disabled = this.readOnly || !this.selected;
  };

  Builder.prototype.renderNode = function (id) {
    var model = this.model;
    var trigger = model.isTrigger(id);
    var data = model.node(id);
    var type = trigger ? data.event.code : data.type;
    var node = el('div', 'wm-sc-node ' + (trigger ? 'wm-sc-trigger' : 'wm-sc-element'));
    node.setAttribute('data-node-uuid', id);
    node.setAttribute('data-node-kind', trigger ? 'trigger' : 'element');
    node.setAttribute('data-type', type);
    node.tabIndex = 0;
    var p = model.position(id);
    node.style.left = p.x + 'px';
    node.style.top = p.y + 'px';
    if (this.selected && this.selected.kind === 'node' && this.selected.id === id) {
      node.classList.add('wm-sc-selected');
    }
    if (!trigger) {
      var input = el('button', 'wm-sc-port wm-sc-in');
      input.type = 'button';
      input.setAttribute('data-port', 'input');
      input.title = 'Input: click here after clicking an output port';
      input.setAttribute('aria-label', 'Input of ' + (data.name || type));
      node.appendChild(input);
    }
    node.appendChild(el('div', 'wm-sc-node-kind', trigger ? 'Trigger · ' + type.replace(/_/g, ' ')
      : (S.ELEMENTS[type] || { label: type }).label));
    node.appendChild(el('div', 'wm-sc-node-name', data.name || '(no name)'));
    var summary = global.WaymarkScenarioPanel.summary(model, id);
    if (summary) {
      node.appendChild(el('div', 'wm-sc-node-summary', summary));
    }
    var statsLine = this.stats && this.stats[id];
    if (statsLine) {
      node.appendChild(el('div', 'wm-sc-node-stats', statsText(statsLine)));
    }
    var messages = this.errors[id] || [];
    if (messages.length) {
      node.classList.add('wm-sc-node-failed');
      messages.forEach(function (m) {
        node.appendChild(el('div', 'wm-sc-node-error', m));
      });
    }
    var outs = el('div', 'wm-sc-outs');
    var pending = this.pending;
    model.outputs(id).forEach(function (port) {
      var out = el('button', 'wm-sc-port wm-sc-out wm-sc-' + port.direction, port.label);
      out.type = 'button';
      out.setAttribute('data-port', port.direction);
      out.setAttribute('aria-label', 'Output ' + port.label + ' of ' + (data.name || type));
      if (port.position !== undefined) {
        out.setAttribute('data-position', String(port.position));
      }
      out.title = 'Output (' + port.label + '): click, then click the input of the next element';
      if (pending && pending.from === id && pending.port.direction === port.direction
        && String(pending.port.position) === String(port.position)) {
        out.classList.add('wm-sc-pending');
      }
      outs.appendChild(out);
    });
    node.appendChild(outs);
    return node;
  };

  function statsText(stats) {
    return Object.keys(stats).map(function (k) { return k + ' ' + stats[k]; }).join(' · ');
  }

  /** Redrawing replaces the nodes; a keyboard user keeps their place on the node or port they were on. */
  Builder.prototype.rememberFocus = function () {
    var active = document.activeElement;
    var node = closest(active, '.wm-sc-node');
    if (!node || !this.canvas.contains(node)) {
      this.focus = null;
      return;
    }
    var port = closest(active, '.wm-sc-port');
    this.focus = { id: node.getAttribute('data-node-uuid'), port: port && port.getAttribute('data-port'),
      position: port ? port.getAttribute('data-position') : null };
  };

  Builder.prototype.restoreFocus = function () {
    var f = this.focus;
    this.focus = null;
    if (!f) {
      return;
    }
    var target = f.port ? this.port(f.id, f.port, f.position === null ? undefined : f.position)
      : this.canvas.querySelector('.wm-sc-node[data-node-uuid="' + f.id + '"]');
    if (target) {
      target.focus({ preventScroll: true });
    }
  };

  /** The centre of a port relative to the canvas. */
  Builder.prototype.portCentre = function (port) {
    var box = port.getBoundingClientRect();
    var canvas = this.canvas.getBoundingClientRect();
    return { x: box.left + box.width / 2 - canvas.left, y: box.top + box.height / 2 - canvas.top };
  };

  Builder.prototype.port = function (id, direction, position) {
    var node = this.canvas.querySelector('.wm-sc-node[data-node-uuid="' + id + '"]');
    if (!node) {
      return null;
    }
    if (direction === 'input') {
      return node.querySelector('.wm-sc-in');
    }
    var selector = '.wm-sc-out[data-port="' + direction + '"]'
      + (position === undefined || position === null ? '' : '[data-position="' + position + '"]');
    return node.querySelector(selector);
  };

  function curve(a, b) {
    var dx = Math.max(40, Math.abs(b.x - a.x) / 2);
    return 'M' + a.x + ',' + a.y + ' C' + (a.x + dx) + ',' + a.y + ' ' + (b.x - dx) + ',' + b.y + ' ' + b.x + ',' + b.y;
  }

  Builder.prototype.drawEdges = function () {
    var self = this;
    while (this.svg.firstChild) {
      this.svg.removeChild(this.svg.firstChild);
    }
    this.svg.setAttribute('width', this.canvas.scrollWidth);
    this.svg.setAttribute('height', this.canvas.scrollHeight);
    this.model.edges().forEach(function (edge) {
      var from = self.port(edge.from, edge.direction, edge.position);
      var to = self.port(edge.to, 'input');
      if (!from || !to) {
        return;
      }
      var d = curve(self.portCentre(from), self.portCentre(to));
      var group = document.createElementNS(SVG, 'g');
      group.setAttribute('class', 'wm-sc-edge wm-sc-edge-' + edge.direction
        + (self.selected && self.selected.kind === 'edge' && self.selected.id === edge.id ? ' wm-sc-selected' : ''));
      group.setAttribute('data-edge', edge.id);
      group.setAttribute('data-from', edge.from);
      group.setAttribute('data-to', edge.to);
      var hit = document.createElementNS(SVG, 'path');
      hit.setAttribute('d', d);
      hit.setAttribute('class', 'wm-sc-edge-hit');
      var line = document.createElementNS(SVG, 'path');
      line.setAttribute('d', d);
      line.setAttribute('class', 'wm-sc-edge-line');
      group.appendChild(hit);
      group.appendChild(line);
      self.svg.appendChild(group);
    });
    if (this.gesture && this.gesture.kind === 'link' && this.gesture.moved) {
      var temp = document.createElementNS(SVG, 'path');
      temp.setAttribute('d', curve(this.gesture.start, this.gesture.at));
      temp.setAttribute('class', 'wm-sc-edge-temp');
      this.svg.appendChild(temp);
    }
  };

  /** Per-element statistics on the graph: {"<uuid>": {"entered": 12, "finished": 10, ...}}; null hides them. */
  Builder.prototype.renderStats = function (statsByElementUuid) {
    this.stats = statsByElementUuid;
    this.render();
  };

  // --- input

  function closest(target, selector) {
    return target && target.closest ? target.closest(selector) : null;
  }

  function portOf(target) {
    var port = closest(target, '.wm-sc-port');
    if (!port) {
      return null;
    }
    var node = closest(port, '.wm-sc-node');
    var position = port.getAttribute('data-position');
    return { node: node.getAttribute('data-node-uuid'), direction: port.getAttribute('data-port'),
      position: position === null ? undefined : Number(position), element: port };
  }

  Builder.prototype.canvasPoint = function (event) {
    var box = this.canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  Builder.prototype.bind = function () {
    var self = this;
    var palette = this.root.querySelector('.wm-sc-palette');
    palette.addEventListener('click', function (event) {
      var item = closest(event.target, '[data-type]');
      if (item) {
        self.add(item.getAttribute('data-kind'), item.getAttribute('data-type'));
      }
    });
    palette.addEventListener('dragstart', function (event) {
      var item = closest(event.target, '[data-type]');
      if (item) {
        event.dataTransfer.setData('text/plain', item.getAttribute('data-kind') + ':' + item.getAttribute('data-type'));
        event.dataTransfer.effectAllowed = 'copy';
      }
    });
    this.canvas.addEventListener('dragover', function (event) {
      event.preventDefault();
    });
    this.canvas.addEventListener('drop', function (event) {
      event.preventDefault();
      var parts = (event.dataTransfer.getData('text/plain') || '').split(':');
      if (parts.length === 2) {
        var p = self.canvasPoint(event);
        self.add(parts[0], parts[1], { x: p.x - 80, y: p.y - 20 });
      }
    });
    this.canvas.addEventListener('mousedown', function (event) { self.down(event); });
    document.addEventListener('mousemove', function (event) { self.drag(event); });
    document.addEventListener('mouseup', function (event) { self.up(event); });
    this.canvas.addEventListener('click', function (event) { self.click(event); });
    this.root.querySelector('.wm-sc-delete').addEventListener('click', function (event) {
      event.preventDefault();
      self.deleteSelected();
    });
    document.addEventListener('keydown', function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target && event.target.tagName) || '');
      var onNode = event.target && event.target.classList && event.target.classList.contains('wm-sc-node');
      if (onNode && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        self.select({ kind: 'node', id: event.target.getAttribute('data-node-uuid') });
        return;
      }
      if (!typing && (event.key === 'Delete' || event.key === 'Backspace') && self.selected) {
        event.preventDefault();
        self.deleteSelected();
      } else if (event.key === 'Escape' && self.pending) {
        self.pending = null;
        self.say('');
        self.render();
      }
    });
    var form = this.field.form;
    if (form) {
      form.addEventListener('submit', function () { self.sync(); });
    }
  };

  Builder.prototype.down = function (event) {
    if (this.readOnly || event.button !== 0) {
      return;
    }
    var port = portOf(event.target);
    if (port && port.direction !== 'input') {
      this.gesture = { kind: 'link', from: port.node, port: port, start: this.portCentre(port.element),
        x: event.clientX, y: event.clientY, moved: false };
      event.preventDefault();
      return;
    }
    var node = closest(event.target, '.wm-sc-node');
    if (node && !port) {
      var id = node.getAttribute('data-node-uuid');
      var p = this.model.position(id);
      this.gesture = { kind: 'move', id: id, node: node, origin: p, x: event.clientX, y: event.clientY, moved: false };
      event.preventDefault();
    }
  };

  Builder.prototype.drag = function (event) {
    var g = this.gesture;
    if (!g) {
      return;
    }
    var dx = event.clientX - g.x;
    var dy = event.clientY - g.y;
    if (!g.moved && Math.abs(dx) + Math.abs(dy) < 4) {
      return;
    }
    g.moved = true;
    if (g.kind === 'move') {
      this.model.move(g.id, g.origin.x + dx, g.origin.y + dy);
      var p = this.model.position(g.id);
      g.node.style.left = p.x + 'px';
      g.node.style.top = p.y + 'px';
    } else {
      g.at = this.canvasPoint(event);
    }
    this.drawEdges();
  };

  Builder.prototype.up = function (event) {
    var g = this.gesture;
    this.gesture = null;
    if (!g || !g.moved) {
      return;
    }
    this.suppressClick = true;
    var self = this;
    setTimeout(function () { self.suppressClick = false; }, 0); // a drag ending outside the canvas gets no click
    if (g.kind === 'move') {
      this.changed();
      return;
    }
    var target = portOf(document.elementFromPoint(event.clientX, event.clientY));
    if (target && target.direction === 'input') {
      this.connect(g.from, g.port, target.node);
    } else {
      this.drawEdges();
    }
  };

  Builder.prototype.click = function (event) {
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    var port = portOf(event.target);
    if (port && !this.readOnly) {
      if (port.direction !== 'input') {
        this.pending = { from: port.node, port: port };
        this.say('Now click the input port (left) of the element this should lead to. Escape cancels.');
        this.select({ kind: 'node', id: port.node });
      } else if (this.pending) {
        var pending = this.pending;
        this.pending = null;
        this.connect(pending.from, pending.port, port.node);
      }
      return;
    }
    var node = closest(event.target, '.wm-sc-node');
    if (node) {
      this.select({ kind: 'node', id: node.getAttribute('data-node-uuid') });
      return;
    }
    var edge = closest(event.target, '.wm-sc-edge');
    if (edge) {
      this.select({ kind: 'edge', id: edge.getAttribute('data-edge') });
      return;
    }
    if (this.pending) {
      this.say('');
    }
    this.pending = null;
    this.select(null);
  };

  global.WaymarkScenarioBuilder = Builder;
  /** Statistics hook: renderStats({"<element uuid>": {"label": value, ...}}) draws figures on the nodes. */
  global.renderStats = function (statsByElementUuid) {
    if (global.waymarkBuilder) {
      global.waymarkBuilder.renderStats(statsByElementUuid);
    }
  };

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('[data-scenario-builder]');
    if (root) {
      global.waymarkBuilder = new Builder(root);
    }
  });
})(window);
