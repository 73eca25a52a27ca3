package io.waymark.scenarios.admin;

import io.waymark.platform.error.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A save's validation errors as the builder shows them: the ones about an element or a trigger
 * (path {@code elements.<uuid>…} / {@code triggers.<uuid>…}) on that node, keyed by its uuid, and
 * every error as a line of the message list, naming the node by its name in the edited document.
 */
record ScenarioBuilderErrors(Map<String, List<String>> byNode, List<String> lines) {

  private static final Pattern NODE_PATH =
      Pattern.compile("^(elements|triggers)\\.([0-9a-fA-F-]{36})(?:[.\\[](.*))?$");

  static ScenarioBuilderErrors of(List<FieldError> errors, JsonObject document) {
    Map<String, List<String>> byNode = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (FieldError error : errors) {
      Matcher node = NODE_PATH.matcher(error.path() == null ? "" : error.path());
      if (!node.matches()) {
        lines.add(label(error.path()) + ": " + error.message());
        continue;
      }
      String uuid = node.group(2).toLowerCase();
      String detail =
          node.group(3) == null || node.group(3).isEmpty() ? "" : " (" + node.group(3) + ")";
      byNode.computeIfAbsent(uuid, k -> new ArrayList<>()).add(error.message() + detail);
      String kind = node.group(1).equals("elements") ? "Element" : "Trigger";
      lines.add(
          kind
              + " '"
              + name(document, node.group(1), node.group(2))
              + "': "
              + error.message()
              + detail);
    }
    return new ScenarioBuilderErrors(byNode, lines);
  }

  private static String label(String path) {
    if (path == null || path.isBlank()) {
      return "Scenario";
    }
    return switch (path) {
      case "name" -> "Name";
      case "enabled" -> "Enabled";
      default -> path;
    };
  }

  /**
   * The node's name in the document, or its uuid when it has none (or the document does not hold
   * it).
   */
  private static String name(JsonObject document, String kind, String uuid) {
    JsonValue nodes = document == null ? null : document.get(kind);
    if (nodes instanceof JsonObject byUuid) {
      for (String key : byUuid.keySet()) {
        if (key.equalsIgnoreCase(uuid)
            && byUuid.get(key) instanceof JsonObject node
            && node.get("name") instanceof JsonString name
            && !name.getString().isBlank()) {
          return name.getString();
        }
      }
    }
    return uuid;
  }
}
