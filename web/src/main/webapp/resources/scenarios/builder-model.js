/*
 * The scenario document the builder edits (the shape of SPEC §6): triggers and elements keyed by uuid, edges kept
 * where the document keeps them (a trigger's "elements", an element's "<type>.descendants"), node positions in
 * "visual". No DOM here, so the self-check page can exercise it on its own.
 */
(function (global) {
  'use strict';

  /**
   * Trigger codes offered in the palette, the option each one matches on (null: none) and their type: event triggers,
   * and before-event ones (type 'before_event', a dated event's code, with minutes); see register.
   */
  var TRIGGERS = {
    user_registered: { label: 'User registered', option: null },
    goal_completed: { label: 'Goal completed', option: 'goal_code' },
    goal_timed_out: { label: 'Goal timed out', option: 'goal_code' },
    event_received: { label: 'Event received', option: 'event_name' },
    segment_entered: { label: 'Segment entered', option: 'segment_code' }
  };

  /** Element types with their label, starting options and whether they have a negative branch. */
  var ELEMENTS = {
    goal: { label: 'Goal', negative: true, options: function () { return { codes: [], recheckPeriodMinutes: 5 }; } },
    wait: { label: 'Wait', negative: false, options: function () { return { minutes: 60 }; } },
    segment: { label: 'Segment', negative: true, options: function () { return {}; } },
    condition: { label: 'Condition', negative: true, options: function () { return { criteria: { type: 'and', nodes: [] } }; } },
    email: { label: 'Email', negative: false, options: function () { return {}; } },
    banner: { label: 'Banner', negative: false, options: function () { return { expiresInMinutes: 1440 }; } },
    webhook: { label: 'Webhook', negative: false, options: function () { return {}; } },
    ab_test: { label: 'A/B test', negative: false, variants: true, options: function () {
      return { variants: [{ code: 'a', name: 'A', distribution: 50 }, { code: 'b', name: 'B', distribution: 50 }] };
    } },
    sms: { label: 'SMS', negative: false, options: function () { return {}; } }
  };

  /**
   * Replaces the palette by the server's registries (the page's data-registry):
   * {triggers: [{code, label, option, type}], elements: [{key, label, negative, variants, params: [{name, type, required,
   * description}]}]}. The maps above stay the
   * starting options of the types they know; a type the server does not run is not offered.
   */
  function register(registry) {
    if (!registry) {
      return;
    }
    var defaults = {};
    Object.keys(ELEMENTS).forEach(function (k) {
      defaults[k] = ELEMENTS[k].options;
      delete ELEMENTS[k];
    });
    Object.keys(TRIGGERS).forEach(function (k) { delete TRIGGERS[k]; });
    (registry.triggers || []).forEach(function (t) {
      TRIGGERS[t.code] = { label: t.label, option: t.option || null, type: t.type || 'event' };
    });
    (registry.elements || []).forEach(function (e) {
      ELEMENTS[e.key] = { label: e.label, negative: !!e.negative, variants: !!e.variants, params: e.params || [],
        options: defaults[e.key] || function () { return {}; } };
    });
  }

  /** A random (version 4) uuid; crypto.getRandomValues works on plain http too, unlike crypto.randomUUID. */
  function uuid() {
    var bytes = new Uint8Array(16);
    global.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).substring(1); }).join('');
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-' + hex.substring(16, 20)
      + '-' + hex.substring(20);
  }

  function edgeId(from, to, direction, position) {
    return from + '>' + to + ':' + direction + ':' + (position === undefined || position === null ? '' : position);
  }

  /** The document being edited; {@code doc} is the stored document (or nothing for a new scenario). */
  function Scenario(doc) {
    doc = doc || {};
    this.id = doc.id === undefined ? null : doc.id;
    this.name = doc.name || '';
    this.enabled = !!doc.enabled;
    this.triggers = doc.triggers || {};
    this.elements = doc.elements || {};
    this.visual = doc.visual || {};
    // the journey's rules: exit criteria [{trigger: {code, options}}] and the re-entry rule {mode, days?}
    this.exit = Array.isArray(doc.exit) ? doc.exit : [];
    this.reentry = doc.reentry && doc.reentry.mode ? doc.reentry : { mode: 'always' };
    var self = this;
    Object.keys(this.triggers).forEach(function (id) {
      var t = self.triggers[id];
      t.options = t.options || {};
      t.elements = t.elements || [];
    });
    Object.keys(this.elements).forEach(function (id) {
      var e = self.elements[id];
      e[e.type] = e[e.type] || {};
      e[e.type].descendants = e[e.type].descendants || [];
    });
  }

  Scenario.prototype.isTrigger = function (id) { return Object.prototype.hasOwnProperty.call(this.triggers, id); };
  Scenario.prototype.isElement = function (id) { return Object.prototype.hasOwnProperty.call(this.elements, id); };
  Scenario.prototype.node = function (id) { return this.triggers[id] || this.elements[id] || null; };

  Scenario.prototype.nodeIds = function () {
    return Object.keys(this.triggers).concat(Object.keys(this.elements));
  };

  Scenario.prototype.position = function (id) {
    return this.visual[id] || { x: 20, y: 20 };
  };

  Scenario.prototype.move = function (id, x, y) {
    this.visual[id] = { x: Math.max(0, Math.round(x)), y: Math.max(0, Math.round(y)) };
  };

  Scenario.prototype.addTrigger = function (code, x, y) {
    if (!TRIGGERS[code]) {
      throw new Error('unknown trigger ' + code);
    }
    var id = uuid();
    var type = TRIGGERS[code].type || 'event';
    this.triggers[id] = { id: id, name: TRIGGERS[code].label, type: type, event: { code: code },
      options: type === 'before_event' ? { minutes: 60 } : {}, elements: [] };
    this.move(id, x, y);
    return id;
  };

  Scenario.prototype.addElement = function (type, x, y) {
    var spec = ELEMENTS[type];
    if (!spec) {
      throw new Error('unknown element type ' + type);
    }
    var id = uuid();
    var options = spec.options();
    options.descendants = [];
    var element = { id: id, name: spec.label, type: type };
    element[type] = options;
    this.elements[id] = element;
    this.move(id, x, y);
    return id;
  };

  /** The element's options object (with its descendants). */
  Scenario.prototype.options = function (id) {
    var e = this.elements[id];
    return e ? e[e.type] : null;
  };

  /** Removes a node and every edge from or to it. */
  Scenario.prototype.remove = function (id) {
    var self = this;
    delete this.triggers[id];
    delete this.elements[id];
    delete this.visual[id];
    Object.keys(this.triggers).forEach(function (t) {
      self.triggers[t].elements = self.triggers[t].elements.filter(function (to) { return to !== id; });
    });
    Object.keys(this.elements).forEach(function (e) {
      var options = self.options(e);
      options.descendants = options.descendants.filter(function (d) { return d.uuid !== id; });
    });
  };

  /** The output ports of a node: [{direction, position?, label}]. */
  Scenario.prototype.outputs = function (id) {
    if (this.isTrigger(id)) {
      return [{ direction: 'positive', label: 'start' }];
    }
    var element = this.elements[id];
    var spec = ELEMENTS[element.type] || {};
    if (spec.variants) {
      return (this.options(id).variants || []).map(function (v, i) {
        return { direction: 'positive', position: i, label: v.code || v.name || String(i) };
      });
    }
    var ports = [{ direction: 'positive', label: spec.negative ? 'yes' : 'next' }];
    if (spec.negative) {
      ports.push({ direction: 'negative', label: 'no' });
    }
    return ports;
  };

  /**
   * Connects an output port of {@code from} to the input of {@code to}; answers the edge id, or throws an Error
   * whose message says why not (a trigger as target, a self-link, an existing edge).
   */
  Scenario.prototype.connect = function (from, port, to) {
    if (!this.node(from) || !this.node(to)) {
      throw new Error('Both ends must exist.');
    }
    if (!this.isElement(to)) {
      throw new Error('A trigger has no input: connect to an element.');
    }
    if (from === to) {
      throw new Error('An element cannot lead to itself.');
    }
    var direction = port.direction === 'negative' ? 'negative' : 'positive';
    var position = port.position === undefined || port.position === null ? undefined : Number(port.position);
    var id = edgeId(from, to, direction, position);
    if (this.edges().some(function (e) { return e.id === id; })) {
      throw new Error('These two are already connected that way.');
    }
    if (this.isTrigger(from)) {
      this.triggers[from].elements.push(to);
    } else {
      var descendant = { uuid: to, direction: direction };
      if (position !== undefined) {
        descendant.position = position;
      }
      this.options(from).descendants.push(descendant);
    }
    return id;
  };

  /** Every edge: {id, from, to, direction, position}. */
  Scenario.prototype.edges = function () {
    var self = this;
    var edges = [];
    Object.keys(this.triggers).forEach(function (t) {
      self.triggers[t].elements.forEach(function (to) {
        edges.push({ id: edgeId(t, to, 'positive'), from: t, to: to, direction: 'positive' });
      });
    });
    Object.keys(this.elements).forEach(function (e) {
      self.options(e).descendants.forEach(function (d) {
        edges.push({ id: edgeId(e, d.uuid, d.direction, d.position), from: e, to: d.uuid, direction: d.direction,
          position: d.position });
      });
    });
    return edges;
  };

  Scenario.prototype.disconnect = function (id) {
    var edge = this.edges().filter(function (e) { return e.id === id; })[0];
    if (!edge) {
      return false;
    }
    if (this.isTrigger(edge.from)) {
      this.triggers[edge.from].elements = this.triggers[edge.from].elements.filter(function (to) { return to !== edge.to; });
    } else {
      var options = this.options(edge.from);
      options.descendants = options.descendants.filter(function (d) {
        return edgeId(edge.from, d.uuid, d.direction, d.position) !== id;
      });
    }
    return true;
  };

  /** Replaces an A/B test's variants; edges from variants that no longer exist go. */
  Scenario.prototype.setVariants = function (id, variants) {
    var options = this.options(id);
    options.variants = variants;
    options.descendants = options.descendants.filter(function (d) {
      return d.position === undefined || d.position === null || d.position < variants.length;
    });
  };

  /** The document to save: what the boundary accepts (id only once the scenario exists). */
  Scenario.prototype.toJson = function () {
    var json = { name: this.name, enabled: this.enabled, triggers: this.triggers, elements: this.elements,
      exit: this.exit, reentry: this.reentry, visual: this.visual };
    if (this.id !== null) {
      json.id = this.id;
    }
    return json;
  };

  /** Whether a palette code is an event trigger's (exit criteria are event triggers only). */
  function isEvent(code) {
    return (TRIGGERS[code] || {}).type !== 'before_event';
  }

  /** The palette's entry for a trigger node, or a plain one for a code this page does not offer. */
  function triggerSpec(trigger) {
    return TRIGGERS[trigger.event.code] || { label: trigger.event.code, option: null, type: trigger.type };
  }

  global.WaymarkScenario = { Scenario: Scenario, TRIGGERS: TRIGGERS, isEvent: isEvent, triggerSpec: triggerSpec, ELEMENTS: ELEMENTS, register: register, uuid: uuid,
    edgeId: edgeId };
})(window);
