package io.waymark.platform.templates;

/**
 * One part of a template (a mail's subject, HTML and text bodies; an SMS text; a letter's HTML):
 * its name (errors name it), its source, and whether it is HTML (auto-escaped) or text (not).
 */
public record TemplatePart(String name, String source, Escaping escaping) {

  public static TemplatePart html(String name, String source) {
    return new TemplatePart(name, source, Escaping.HTML);
  }

  public static TemplatePart text(String name, String source) {
    return new TemplatePart(name, source, Escaping.NONE);
  }
}
