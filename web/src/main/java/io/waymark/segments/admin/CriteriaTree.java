package io.waymark.segments.admin;

import io.waymark.platform.error.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The criteria tree the builder edits. Pages render it as a flat list of {@link TreeRow rows} in
 * document order, each with its depth and its path in the JSON ({@code criteria.nodes[1].nodes[0]})
 * — the path the boundary's errors name, so an error lands next to the node it is about. The root
 * is always a group: a stored tree whose root is a single criterion is shown as an AND of that one
 * criterion (the same users).
 */
public class CriteriaTree implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the tree sits in the boundary's payload; every node error path starts with it. */
  public static final String ROOT_PATH = "criteria";

  private final Map<String, CriterionSpec> registry = new LinkedHashMap<>();
  private final Map<String, List<String>> choices = new LinkedHashMap<>();
  private CriteriaNode root;
  private int lastId;
  private List<TreeRow> rows;

  CriteriaTree(List<CriterionSpec> registry) {
    registry.forEach(spec -> this.registry.put(spec.key(), spec));
  }

  /** A new tree: an AND holding one criterion of the registry's first kind. */
  public static CriteriaTree starter(List<CriterionSpec> registry) {
    CriteriaTree tree = new CriteriaTree(registry);
    tree.root = tree.group(CriteriaNode.AND);
    tree.root.getNodes().add(tree.criterion(tree.firstKey()));
    return tree;
  }

  /** The tree of a stored (valid) definition; whatever it cannot read it leaves out. */
  public static CriteriaTree of(JsonValue json, List<CriterionSpec> registry) {
    CriteriaTree tree = new CriteriaTree(registry);
    CriteriaNode node = CriteriaJson.read(json, tree);
    if (node == null || !node.isGroup()) {
      CriteriaNode and = tree.group(CriteriaNode.AND);
      if (node != null) {
        and.getNodes().add(node);
      }
      node = and;
    }
    tree.root = node;
    return tree;
  }

  /**
   * Values a text parameter is picked from instead of typed, e.g. the goal codes for {@code
   * goal.state}'s {@code goal_code}. A stored value missing from the list is still offered.
   */
  public CriteriaTree choices(String key, String param, List<String> values) {
    choices.put(key + "/" + param, List.copyOf(values));
    rows = null;
    return this;
  }

  List<String> choicesFor(String key, String param) {
    return choices.get(key + "/" + param);
  }

  public JsonObject toJson() {
    return CriteriaJson.write(root, this);
  }

  public CriteriaNode getRoot() {
    return root;
  }

  /**
   * The nodes in document order; the same list until the tree's shape changes (JSF iterates it on
   * every phase).
   */
  public List<TreeRow> getRows() {
    if (rows == null) {
      List<TreeRow> list = new ArrayList<>();
      flatten(root, 0, ROOT_PATH, list);
      rows = List.copyOf(list);
    }
    return rows;
  }

  private void flatten(CriteriaNode node, int depth, String path, List<TreeRow> into) {
    into.add(new TreeRow(this, node, depth, path));
    for (int i = 0; i < node.getNodes().size(); i++) {
      flatten(node.getNodes().get(i), depth + 1, path + ".nodes[" + i + "]", into);
    }
  }

  public void addCriterion(int parentId) {
    CriteriaNode parent = node(parentId);
    if (parent != null && parent.isGroup()) {
      parent.getNodes().add(criterion(firstKey()));
      rows = null;
    }
  }

  /** Adds an AND group holding one new criterion (an empty group is not a valid tree). */
  public void addGroup(int parentId) {
    CriteriaNode parent = node(parentId);
    if (parent != null && parent.isGroup()) {
      CriteriaNode group = group(CriteriaNode.AND);
      group.getNodes().add(criterion(firstKey()));
      parent.getNodes().add(group);
      rows = null;
    }
  }

  /** Removes a node and everything under it; the root stays. */
  public void remove(int id) {
    for (TreeRow row : getRows()) {
      if (row.getNode().getNodes().removeIf(child -> child.getId() == id)) {
        rows = null;
        return;
      }
    }
  }

  /** After a criterion's kind changed: its parameters are the new kind's, with defaults. */
  public void keyChanged(int id) {
    CriteriaNode node = node(id);
    if (node != null && !node.isGroup()) {
      node.setParams(CriteriaJson.defaults(spec(node.getKey())));
      node.getErrors().clear();
    }
  }

  /**
   * After a parameter changed: a user field's value starts again when the field (and so the value's
   * type) changed.
   */
  public void paramChanged(int id, String param) {
    CriteriaNode node = node(id);
    if (node != null && CriteriaJson.USER_FIELD.equals(node.getKey()) && "field".equals(param)) {
      node.set("value", CriteriaJson.BOOLEAN_FIELDS.contains(node.value("field")) ? "true" : "");
    }
  }

  public CriteriaNode node(int id) {
    return getRows().stream()
        .map(TreeRow::getNode)
        .filter(n -> n.getId() == id)
        .findFirst()
        .orElse(null);
  }

  public void clearErrors() {
    getRows().forEach(row -> row.getNode().getErrors().clear());
  }

  public boolean hasErrors() {
    return getRows().stream().anyMatch(row -> !row.getNode().getErrors().isEmpty());
  }

  /**
   * Puts each error under a node's path next to that node (the deepest node whose path the error's
   * path starts with) and answers the others (code, name, …) for the page's messages.
   */
  public List<FieldError> attach(List<FieldError> errors) {
    List<FieldError> others = new ArrayList<>();
    for (FieldError error : errors) {
      TreeRow target = null;
      for (TreeRow row : getRows()) {
        boolean under =
            error.path().equals(row.getPath()) || error.path().startsWith(row.getPath() + ".");
        if (under && (target == null || row.getPath().length() > target.getPath().length())) {
          target = row;
        }
      }
      if (target == null) {
        others.add(error);
      } else {
        target
            .getNode()
            .getErrors()
            .add(describe(error.path().substring(target.getPath().length()), error.message()));
      }
    }
    return others;
  }

  /** {@code .params.value} + {@code must be a string} → {@code value: must be a string}. */
  static String describe(String rest, String message) {
    String part = rest.startsWith(".") ? rest.substring(1) : rest;
    if (part.isEmpty()) {
      return message;
    }
    String label =
        switch (part) {
          case "nodes" -> "conditions";
          case "key" -> "criterion";
          default -> part.startsWith("params.") ? part.substring("params.".length()) : part;
        };
    return label + ": " + message;
  }

  CriterionSpec spec(String key) {
    return key == null ? null : registry.get(key);
  }

  /**
   * The registry's kinds, plus an unknown kind a stored tree may name (so the page can still show
   * it).
   */
  List<CriterionSpec> kinds(String current) {
    List<CriterionSpec> kinds = new ArrayList<>(registry.values());
    if (current != null && !registry.containsKey(current)) {
      kinds.add(new CriterionSpec(current, "unknown criterion '" + current + "'", List.of()));
    }
    return kinds;
  }

  CriteriaNode group(String type) {
    return new CriteriaNode(++lastId, type);
  }

  CriteriaNode criterion(String key) {
    CriteriaNode node = new CriteriaNode(++lastId, CriteriaNode.CRITERION);
    node.setKey(key);
    node.setParams(CriteriaJson.defaults(spec(key)));
    return node;
  }

  private String firstKey() {
    return registry.isEmpty() ? null : registry.keySet().iterator().next();
  }
}
