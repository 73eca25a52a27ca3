package io.waymark.mail.control;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pebble for email templates: the HTML body is auto-escaped, the subject and the text body are not
 * (they are not HTML). Templates are parsed from their source on every render; a {@link
 * StringLoader} makes {@code include} and {@code extends} name literal sources, never files or
 * classpath resources on the server.
 */
public final class TemplateRenderer {

  /** A template that did not parse or render: the Pebble message with its line. */
  public static final class TemplateError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String part;

    TemplateError(String part, String message) {
      super(message, null, false, false);
      this.part = part;
    }

    /** {@code subject}, {@code html_body} or {@code text_body}. */
    public String part() {
      return part;
    }
  }

  public static final String SUBJECT = "subject";
  public static final String HTML_BODY = "html_body";
  public static final String TEXT_BODY = "text_body";
  private static final int MAX_RENDERED = 2_000_000;

  private static final PebbleEngine HTML = engine(true);
  private static final PebbleEngine PLAIN = engine(false);

  private TemplateRenderer() {}

  /** The first part that does not parse, with Pebble's message; empty when all three parse. */
  public static Optional<TemplateError> check(MailContent source) {
    try {
      compile(PLAIN, SUBJECT, source.subject());
      compile(HTML, HTML_BODY, source.html());
      compile(PLAIN, TEXT_BODY, source.text());
      return Optional.empty();
    } catch (TemplateError e) {
      return Optional.of(e);
    }
  }

  /**
   * Renders the three parts with {@code user} and the params as variables (the params cannot
   * replace {@code user}).
   */
  public static MailContent render(
      MailContent source, Map<String, Object> user, Map<String, Object> params)
      throws TemplateError {
    Map<String, Object> context = new LinkedHashMap<>(params == null ? Map.of() : params);
    context.put("user", user);
    String subject = render(PLAIN, SUBJECT, source.subject(), context);
    // a subject is one line: line breaks a template produced would break the header
    return new MailContent(
        subject.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "),
        render(HTML, HTML_BODY, source.html(), context),
        render(PLAIN, TEXT_BODY, source.text(), context));
  }

  private static String render(
      PebbleEngine engine, String part, String source, Map<String, Object> context)
      throws TemplateError {
    if (source == null || source.isEmpty()) {
      return "";
    }
    PebbleTemplate template = compile(engine, part, source);
    StringWriter out = new StringWriter();
    try {
      template.evaluate(out, context);
    } catch (PebbleException e) {
      throw error(part, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new TemplateError(part, String.valueOf(e.getMessage()));
    }
    return out.toString();
  }

  private static PebbleTemplate compile(PebbleEngine engine, String part, String source)
      throws TemplateError {
    if (source == null || source.isEmpty()) {
      return null;
    }
    try {
      return engine.getLiteralTemplate(source);
    } catch (PebbleException e) {
      throw error(part, e);
    }
  }

  /**
   * Pebble's own message names the template by its whole source: keep the message and the line
   * only.
   */
  private static TemplateError error(String part, PebbleException e) {
    String message =
        e.getPebbleMessage() == null ? String.valueOf(e.getMessage()) : e.getPebbleMessage();
    return new TemplateError(
        part, e.getLineNumber() == null ? message : message + " (line " + e.getLineNumber() + ")");
  }

  private static PebbleEngine engine(boolean escapeHtml) {
    return new PebbleEngine.Builder()
        .loader(new StringLoader())
        .autoEscaping(escapeHtml)
        .cacheActive(false)
        .maxRenderedSize(MAX_RENDERED)
        .newLineTrimming(false)
        .build();
  }
}
