/*
 * Self-checks of the builder's document model (builder-model.js), run by admin/scenarios/builder-check.html and
 * asserted by ScenarioBuilderIT: every check reports pass or the reason it failed.
 */
(function (global) {
  'use strict';

  var S = global.WaymarkScenario;

  function check(results, name, body) {
    try {
      body();
      results.push({ name: name, ok: true });
    } catch (e) {
      results.push({ name: name, ok: false, why: e.message });
    }
  }

  function equal(actual, expected, what) {
    var a = JSON.stringify(actual);
    var b = JSON.stringify(expected);
    if (a !== b) {
      throw new Error(what + ': expected ' + b + ' but was ' + a);
    }
  }

  function throws(body, fragment) {
    try {
      body();
    } catch (e) {
      if (e.message.indexOf(fragment) < 0) {
        throw new Error('wrong error: ' + e.message);
      }
      return;
    }
    throw new Error('no error (expected "' + fragment + '")');
  }

  function run() {
    var results = [];
    check(results, 'uuids are version 4 and distinct', function () {
      var a = S.uuid();
      equal(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(a), true, a);
      equal(a === S.uuid(), false, 'two uuids equal');
    });
    check(results, 'the journey rules (exit criteria, re-entry) go back as they came, always by default', function () {
      equal(new S.Scenario().toJson().reentry, { mode: 'always' }, 'default re-entry');
      equal(new S.Scenario().toJson().exit, [], 'no exit criteria');
      var exit = [{ trigger: { code: 'goal_completed', options: { goal_code: 'g1' } } }];
      var json = new S.Scenario({ id: 3, exit: exit, reentry: { mode: 'after_days', days: 7 } }).toJson();
      equal(json.exit, exit, 'exit criteria');
      equal(json.reentry, { mode: 'after_days', days: 7 }, 're-entry');
    });
    check(results, 'a before-event trigger is typed, starts at 60 minutes and is no exit criterion', function () {
      S.TRIGGERS.goal_expires = { label: 'Before a goal expires', option: 'goal_code', type: 'before_event' };
      try {
        var s = new S.Scenario();
        var t = s.addTrigger('goal_expires', 40, 60);
        equal(s.triggers[t].type, 'before_event', 'type');
        equal(s.triggers[t].event, { code: 'goal_expires' }, 'event');
        equal(s.triggers[t].options, { minutes: 60 }, 'options');
        equal(S.isEvent('goal_expires'), false, 'offered as an exit');
        equal(S.isEvent('goal_completed'), true, 'an event trigger');
        equal(S.triggerSpec({ type: 'before_event', event: { code: 'field:gone' } }).label, 'field:gone', 'unknown code');
      } finally {
        delete S.TRIGGERS.goal_expires;
      }
    });
    check(results, 'the welcome journey of SPEC §6 is built as its document', function () {
      var s = new S.Scenario();
      var t = s.addTrigger('user_registered', 40, 60);
      var g = s.addElement('goal', 260, 60);
      var done = s.addElement('email', 480, 20);
      var nudge = s.addElement('email', 480, 160);
      s.options(g).codes = ['g1'];
      s.options(g).timeoutMinutes = 15;
      s.options(done).template_code = 'done';
      s.connect(t, { direction: 'positive' }, g);
      s.connect(g, { direction: 'positive' }, done);
      s.connect(g, { direction: 'negative' }, nudge);
      var json = JSON.parse(JSON.stringify(s.toJson()));
      equal(json.id, undefined, 'id of a new scenario');
      equal(json.triggers[t].event, { code: 'user_registered' }, 'trigger event');
      equal(json.triggers[t].elements, [g], 'trigger elements');
      equal(json.elements[g].goal, { codes: ['g1'], recheckPeriodMinutes: 5,
        descendants: [{ uuid: done, direction: 'positive' }, { uuid: nudge, direction: 'negative' }], timeoutMinutes: 15 },
        'goal options');
      equal(json.elements[done].email, { descendants: [], template_code: 'done' }, 'email options');
      equal(json.visual[g], { x: 260, y: 60 }, 'position');
    });
    check(results, 'bad connections are refused with a reason', function () {
      var s = new S.Scenario();
      var t = s.addTrigger('goal_completed', 0, 0);
      var w = s.addElement('wait', 0, 0);
      throws(function () { s.connect(w, { direction: 'positive' }, t); }, 'trigger has no input');
      throws(function () { s.connect(w, { direction: 'positive' }, w); }, 'itself');
      s.connect(t, { direction: 'positive' }, w);
      throws(function () { s.connect(t, { direction: 'positive' }, w); }, 'already connected');
    });
    check(results, 'A/B variants have a port each and their edges carry the position', function () {
      var s = new S.Scenario();
      var ab = s.addElement('ab_test', 0, 0);
      var a = s.addElement('sms', 0, 0);
      var b = s.addElement('webhook', 0, 0);
      equal(s.outputs(ab).map(function (p) { return p.position; }), [0, 1], 'ports');
      s.connect(ab, { direction: 'positive', position: 0 }, a);
      s.connect(ab, { direction: 'positive', position: 1 }, b);
      equal(s.options(ab).descendants[1], { uuid: b, direction: 'positive', position: 1 }, 'second edge');
      s.setVariants(ab, [{ code: 'a', name: 'A', distribution: 100 }]);
      equal(s.edges().map(function (e) { return e.to; }), [a], 'edges after dropping variant b');
    });
    check(results, 'removing a node removes its edges; an edge can be removed alone', function () {
      var s = new S.Scenario();
      var t = s.addTrigger('segment_entered', 0, 0);
      var c = s.addElement('condition', 0, 0);
      var e = s.addElement('email', 0, 0);
      s.connect(t, { direction: 'positive' }, c);
      var edge = s.connect(c, { direction: 'negative' }, e);
      equal(s.disconnect(edge), true, 'disconnected');
      equal(s.edges().length, 1, 'edges left');
      s.remove(c);
      equal(s.edges().length, 0, 'edges after removing the condition');
      equal(Object.keys(s.visual).sort(), [t, e].sort(), 'positions left');
    });
    check(results, 'a stored document is edited in place (uuids, id and options kept)', function () {
      var stored = { id: 7, name: 'x', enabled: true, triggers: {}, visual: {}, elements: {
        'c3d4c3d4-0000-4000-8000-000000000001': { id: 'c3d4c3d4-0000-4000-8000-000000000001', name: 'Wait', type: 'wait',
          wait: { minutes: 30 } } } };
      var s = new S.Scenario(stored);
      var json = s.toJson();
      equal(json.id, 7, 'id');
      equal(json.elements['c3d4c3d4-0000-4000-8000-000000000001'].wait, { minutes: 30, descendants: [] }, 'options');
    });
    return results;
  }

  global.WaymarkScenarioChecks = { run: run };
})(typeof window !== 'undefined' ? window : globalThis);
