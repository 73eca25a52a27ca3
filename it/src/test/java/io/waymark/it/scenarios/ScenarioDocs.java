package io.waymark.it.scenarios;

import io.waymark.it.support.Api;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Scenario documents for the tests, written with single quotes for readability. */
public final class ScenarioDocs {

  private ScenarioDocs() {}

  public static String uuid() {
    return UUID.randomUUID().toString();
  }

  public static String json(String text) {
    return text.replace('\'', '"');
  }

  public static String trigger(String uuid, String code, String options, String... starts) {
    return "'"
        + uuid
        + "':{'id':'"
        + uuid
        + "','name':'Start','type':'event','event':{'code':'"
        + code
        + "'},'options':"
        + options
        + ",'elements':["
        + Arrays.stream(starts).map(s -> "'" + s + "'").collect(Collectors.joining(","))
        + "]}";
  }

  public static String element(String uuid, String type, String options, String... descendants) {
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
        + (options.isEmpty() ? "" : options + ",")
        + "'descendants':["
        + String.join(",", descendants)
        + "]}}";
  }

  public static String edge(String uuid, String direction) {
    return "{'uuid':'" + uuid + "','direction':'" + direction + "'}";
  }

  /**
   * A document: name, optional extra top-level members (e.g. "'enabled':1,"), triggers and
   * elements.
   */
  public static String doc(String name, String extra, String triggers, String elements) {
    return json(
        "{"
            + extra
            + "'name':'"
            + name
            + "','triggers':{"
            + triggers
            + "},'elements':{"
            + elements
            + "},'visual':{}}");
  }

  public static Api.Reply create(String document) {
    return Api.bootstrap().post("/api/v1/scenarios/create", document);
  }
}
