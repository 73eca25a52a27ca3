package io.waymark.platform.plugins;

import java.util.List;

/**
 * One parameter of a plugin, as the API catalogues and the console's forms show it: {@code type} is
 * a word the forms know ({@code string}, {@code integer}, {@code enum}, {@code any}, or a reference
 * such as {@code goal_codes}), {@code choices} the values an {@code enum} takes.
 */
public record Param(
    String name, String type, boolean required, List<String> choices, String description) {

  public Param {
    choices = List.copyOf(choices);
  }

  public static Param required(String name, String type, String description) {
    return new Param(name, type, true, List.of(), description);
  }

  public static Param optional(String name, String type, String description) {
    return new Param(name, type, false, List.of(), description);
  }

  public static Param choice(
      String name, boolean required, List<String> choices, String description) {
    return new Param(name, "enum", required, choices, description);
  }
}
