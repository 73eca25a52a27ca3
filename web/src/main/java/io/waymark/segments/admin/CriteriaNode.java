package io.waymark.segments.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the criteria tree being edited: an AND / OR / NOT group of nodes, or a criterion of the
 * registry with its parameters. The id is stable while the view lives (actions name nodes by it);
 * the boundary's errors about the node are kept here to be shown next to it.
 */
public class CriteriaNode implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String AND = "and";
  public static final String OR = "or";
  public static final String NOT = "not";
  public static final String CRITERION = "criterion";

  private final int id;
  private String type;
  private String key;
  private final List<CriteriaNode> nodes = new ArrayList<>();
  private List<ParamField> params = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  CriteriaNode(int id, String type) {
    this.id = id;
    this.type = type;
  }

  public int getId() {
    return id;
  }

  public boolean isGroup() {
    return !CRITERION.equals(type);
  }

  /** {@code and}, {@code or}, {@code not} or {@code criterion}. */
  public String getType() {
    return type;
  }

  /** Switches a group between AND, OR and NOT; a criterion stays a criterion. */
  public void setType(String type) {
    if (isGroup() && (AND.equals(type) || OR.equals(type) || NOT.equals(type))) {
      this.type = type;
    }
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  /** A group's children, in order. */
  public List<CriteriaNode> getNodes() {
    return nodes;
  }

  /** A criterion's parameters, in the registry's order. */
  public List<ParamField> getParams() {
    return params;
  }

  void setParams(List<ParamField> params) {
    this.params = new ArrayList<>(params);
  }

  /** The text of a parameter; {@code ""} when the criterion has no such parameter. */
  public String value(String name) {
    return params.stream()
        .filter(p -> p.getName().equals(name))
        .map(ParamField::getValue)
        .findFirst()
        .orElse("");
  }

  void set(String name, String value) {
    params.stream().filter(p -> p.getName().equals(name)).forEach(p -> p.setValue(value));
  }

  public List<String> getErrors() {
    return errors;
  }
}
