package io.waymark.segments.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One node of the tree as a page shows it: indented by depth, identified by its JSON path (also the
 * {@code data-path} attribute tests find it by), with what its parameters need — a select, a
 * true/false choice, a text field or nothing — and a one-line summary for read-only pages.
 */
public class TreeRow implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String SELECT = "select";
  public static final String BOOLEAN = "boolean";
  public static final String TEXT = "text";
  public static final String NONE = "none";

  private final CriteriaTree tree;
  private final CriteriaNode node;
  private final int depth;
  private final String path;

  TreeRow(CriteriaTree tree, CriteriaNode node, int depth, String path) {
    this.tree = tree;
    this.node = node;
    this.depth = depth;
    this.path = path;
  }

  public CriteriaNode getNode() {
    return node;
  }

  public int getDepth() {
    return depth;
  }

  public String getPath() {
    return path;
  }

  public boolean isRoot() {
    return depth == 0;
  }

  /**
   * Whether nodes can be added under this one: a group, and a NOT only while it is empty (it takes
   * one node).
   */
  public boolean isCanAdd() {
    return node.isGroup()
        && (!CriteriaNode.NOT.equals(node.getType()) || node.getNodes().isEmpty());
  }

  /** The kinds of criteria to choose from. */
  public List<CriterionSpec> getKinds() {
    return tree.kinds(node.getKey());
  }

  /**
   * How the page offers a parameter: {@link #SELECT}, {@link #BOOLEAN}, {@link #TEXT} or {@link
   * #NONE}.
   */
  public String input(ParamField param) {
    if (CriteriaJson.USER_FIELD.equals(node.getKey()) && param.getName().equals("value")) {
      String operator = node.value("operator");
      if (operator.equals("is_empty")) {
        return NONE;
      }
      return CriteriaJson.BOOLEAN_FIELDS.contains(node.value("field")) && !operator.equals("in")
          ? BOOLEAN
          : TEXT;
    }
    return !param.getSpec().values().isEmpty()
            || tree.choicesFor(node.getKey(), param.getName()) != null
        ? SELECT
        : TEXT;
  }

  /**
   * A select's values. Optional parameters and picked values (goals, segments) start with {@code
   * ""} (nothing chosen); a stored value that is not among them is offered too, so it is shown and
   * kept.
   */
  public List<String> options(ParamField param) {
    boolean bool = BOOLEAN.equals(input(param));
    List<String> choices = tree.choicesFor(node.getKey(), param.getName());
    List<String> values = new ArrayList<>();
    if (!bool && (!param.getSpec().required() || param.getSpec().values().isEmpty())) {
      values.add("");
    }
    values.addAll(
        bool
            ? List.of("true", "false")
            : param.getSpec().values().isEmpty() && choices != null
                ? choices
                : param.getSpec().values());
    if (!param.isBlank() && !values.contains(param.getValue())) {
      values.add(param.getValue());
    }
    return values;
  }

  public String placeholder(ParamField param) {
    if (CriteriaJson.USER_FIELD.equals(node.getKey()) && param.getName().equals("value")) {
      if (node.value("operator").equals("in")) {
        return "values, separated by commas";
      }
      return CriteriaJson.TIME_FIELDS.contains(node.value("field"))
          ? "e.g. 2026-01-31T00:00:00Z"
          : "text";
    }
    return param.getSpec().description();
  }

  /** {@code All of (AND)}, or for a criterion {@code User field: email contains "x"}. */
  public String getSummary() {
    if (node.isGroup()) {
      return switch (node.getType()) {
        case CriteriaNode.OR -> "Any of (OR)";
        case CriteriaNode.NOT -> "Not (NOT)";
        default -> "All of (AND)";
      };
    }
    CriterionSpec spec = tree.spec(node.getKey());
    String label = spec == null ? "unknown criterion '" + node.getKey() + "'" : spec.label();
    if (CriteriaJson.USER_FIELD.equals(node.getKey())) {
      String operator = node.value("operator");
      String value =
          operator.equals("is_empty")
              ? ""
              : " "
                  + shown(
                      node.getParams().stream()
                          .filter(p -> p.getName().equals("value"))
                          .findFirst()
                          .orElse(null));
      return label + ": " + node.value("field") + " " + operator.replace('_', ' ') + value;
    }
    return label
        + ": "
        + node.getParams().stream()
            .filter(p -> !p.isBlank())
            .map(p -> p.getName() + " = " + shown(p))
            .collect(Collectors.joining(", "));
  }

  /** A value as the JSON has it: strings quoted, numbers, booleans and lists as they are. */
  private String shown(ParamField param) {
    if (param == null) {
      return "";
    }
    var json = CriteriaJson.value(node, param);
    return json == null ? "" : json.toString();
  }
}
