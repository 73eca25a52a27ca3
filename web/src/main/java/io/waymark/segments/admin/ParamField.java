package io.waymark.segments.admin;

import java.io.Serializable;

/**
 * One parameter of a criterion as the builder edits it: the registry's description of it and the
 * text typed or chosen.
 */
public class ParamField implements Serializable {

  private static final long serialVersionUID = 1L;

  private final CriterionSpec.Param spec;
  private String value;

  public ParamField(CriterionSpec.Param spec, String value) {
    this.spec = spec;
    this.value = value == null ? "" : value;
  }

  public String getName() {
    return spec.name();
  }

  /** The name as a label: {@code within_days} → {@code within days}. */
  public String getLabel() {
    return spec.name().replace('_', ' ');
  }

  public CriterionSpec.Param getSpec() {
    return spec;
  }

  /** The text; never null (an empty select or field is {@code ""}). */
  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value == null ? "" : value;
  }

  boolean isBlank() {
    return value.isBlank();
  }
}
