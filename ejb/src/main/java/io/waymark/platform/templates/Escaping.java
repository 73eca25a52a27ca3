package io.waymark.platform.templates;

/** Whether {@code {{ x }}} is HTML-escaped ({@code | raw} for trusted markup) or printed as is. */
public enum Escaping {
  HTML,
  NONE
}
