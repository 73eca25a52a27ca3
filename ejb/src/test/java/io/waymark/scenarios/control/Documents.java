package io.waymark.scenarios.control;

import io.waymark.platform.json.JsonSupport;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;

/**
 * Scenario documents for the tests: a trigger T starting goal G, whose branches lead to emails P
 * and N.
 */
final class Documents {

  static final String T = "8f0c0000-0000-4000-8000-000000000001";
  static final String G = "a1b20000-0000-4000-8000-000000000002";
  static final String P = "c3d40000-0000-4000-8000-000000000003";
  static final String N = "e5f60000-0000-4000-8000-000000000004";
  static final String X = "f0f00000-0000-4000-8000-000000000005";

  /**
   * Goal g1 and g2, segment vip, banner 7, templates done and nudge, custom fields birthday (date)
   * and plan (string).
   */
  static final io.waymark.scenarios.engine.control.References KNOWN =
      new io.waymark.scenarios.engine.control.References() {
        public boolean goalExists(String code) {
          return Set.of("g1", "g2").contains(code);
        }

        public boolean segmentExists(String code) {
          return "vip".equals(code);
        }

        public boolean bannerExists(long id) {
          return id == 7;
        }

        public Boolean templateExists(String code) {
          return Set.of("done", "nudge").contains(code);
        }

        @Override
        public java.util.Optional<io.waymark.platform.criteria.SavedSegment> savedSegment(
            String code) {
          return "vip".equals(code)
              ? java.util.Optional.of(
                  new io.waymark.platform.criteria.SavedSegment.Tree(
                      new io.waymark.platform.criteria.Criteria.Criterion(
                          "user.field", json("{'field':'active','operator':'eq','value':true}"))))
              : java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> userFieldType(String code) {
          return java.util.Optional.ofNullable(
              java.util.Map.of("birthday", "date", "plan", "string").get(code));
        }

        @Override
        public java.util.Optional<String> outboundProblem(String url) {
          return io.waymark.platform.http.OutboundHttp.targetProblem(
              new io.waymark.platform.http.OutboundGuard(
                  io.waymark.platform.http.AllowedTargets.NONE),
              url);
        }
      };

  private Documents() {}

  static JsonObject json(String text) {
    try (var reader = JsonSupport.JSON.createReader(new StringReader(text.replace('\'', '"')))) {
      return reader.readObject();
    }
  }

  static String trigger(String uuid, String code, String options, String... starts) {
    return typedTrigger(uuid, "event", code, options, starts);
  }

  static String typedTrigger(
      String uuid, String type, String code, String options, String... starts) {
    return "'"
        + uuid
        + "':{'id':'"
        + uuid
        + "','name':'Start','type':'"
        + type
        + "','event':{'code':'"
        + code
        + "'},'options':"
        + options
        + ",'elements':["
        + String.join(",", java.util.Arrays.stream(starts).map(s -> "'" + s + "'").toList())
        + "]}";
  }

  static String element(String uuid, String type, String options, String descendants) {
    String inner = options.isEmpty() ? "" : options + ",";
    return "'"
        + uuid
        + "':{'id':'"
        + uuid
        + "','name':'E "
        + type
        + "','type':'"
        + type
        + "','"
        + type
        + "':{"
        + inner
        + "'descendants':["
        + descendants
        + "]}}";
  }

  static String edge(String uuid, String direction) {
    return "{'uuid':'" + uuid + "','direction':'" + direction + "'}";
  }

  static JsonObject doc(String triggers, String elements) {
    return json(
        "{'name':'Welcome','triggers':{"
            + triggers
            + "},'elements':{"
            + elements
            + "},'visual':{'"
            + T
            + "':{'x':40,'y':60}}}");
  }

  /** The valid goal journey of the contract's example. */
  static JsonObject welcome() {
    return doc(
        trigger(T, "user_registered", "{}", G),
        element(
                G,
                "goal",
                "'codes':['g1'],'recheckPeriodMinutes':5,'timeoutMinutes':15",
                edge(P, "positive") + "," + edge(N, "negative"))
            + ","
            + element(P, "email", "'template_code':'done'", "")
            + ","
            + element(N, "email", "'template_code':'nudge'", ""));
  }
}
