package io.waymark.platform.templates;

/**
 * A template that does not compile, fails while rendering, or hits one of the {@link
 * TemplateLimits} (the message then names the limit). The message never contains the template's
 * source; {@link #part()} says which part of a template of several parts (a mail's subject, HTML
 * and text) it is about, when the caller said.
 */
public final class TemplateException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** does not parse */
    SYNTAX,
    /** failed while rendering with the given data (e.g. a division by zero) */
    RENDER,
    /** hit one of the limits */
    LIMIT
  }

  private final Kind kind;
  private final String part;

  TemplateException(Kind kind, String message, Integer line) {
    this(null, kind, line == null ? message : message + " (line " + line + ")");
  }

  private TemplateException(String part, Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.part = part;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isLimit() {
    return kind == Kind.LIMIT;
  }

  /** The part the error is about; null when not given. */
  public String part() {
    return part;
  }

  /** The same error, about {@code part} (unless it already names one). */
  public TemplateException in(String part) {
    return this.part != null ? this : new TemplateException(part, kind, getMessage());
  }
}
