package io.waymark.platform.templates;

import static io.waymark.platform.templates.TemplateLimits.count;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Two Pebble engines with the same {@link TemplateLimits}: one auto-escaping HTML, one for text.
 * Both load templates with a {@link StringLoader} ({@code include} and {@code extends} name literal
 * sources, never files or classpath resources of the server) and cache nothing (a template is
 * parsed from its source for each use: no cache that grows with every edit). Renders run on the
 * calling thread; {@link Templates} adds the managed executor.
 */
final class TemplateEngine {

  /** Pebble's own message when {@code maxRenderedSize} is hit (pinned by a unit test). */
  private static final String PEBBLE_MAX_SIZE = "Tried to write more than";

  private final TemplateLimits limits;
  private final PebbleEngine html;
  private final PebbleEngine text;

  TemplateEngine(TemplateLimits limits) {
    this.limits = limits;
    this.html = engine(limits, true);
    this.text = engine(limits, false);
  }

  TemplateLimits limits() {
    return limits;
  }

  CompiledTemplate compile(String source, Escaping escaping) throws TemplateException {
    if (source == null || source.isEmpty()) {
      return CompiledTemplate.EMPTY;
    }
    PebbleEngine engine = escaping == Escaping.HTML ? html : text;
    try {
      return new CompiledTemplate(engine.getLiteralTemplate(source));
    } catch (PebbleException e) {
      throw error(TemplateException.Kind.SYNTAX, e);
    } catch (StackOverflowError e) {
      throw new TemplateException(
          TemplateException.Kind.LIMIT, "the template nests too deeply", null);
    }
  }

  String render(CompiledTemplate template, Map<String, Object> variables, Deadline deadline)
      throws TemplateException {
    if (template.isEmpty()) {
      return "";
    }
    RenderBudget budget = new RenderBudget(limits, deadline);
    StringWriter out = new StringWriter();
    try {
      budget.during(
          () -> {
            template.pebble().evaluate(new GuardedWriter(out, budget), variables);
            return null;
          });
    } catch (PebbleException e) {
      throw error(TemplateException.Kind.RENDER, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (StackOverflowError e) {
      throw new TemplateException(
          TemplateException.Kind.LIMIT, "macros call each other too deeply", null);
    } catch (RuntimeException e) {
      throw new TemplateException(
          TemplateException.Kind.RENDER, String.valueOf(e.getMessage()), null);
    }
    return out.toString();
  }

  /**
   * Pebble's own message names the template by its whole source (the string loader's name): keep
   * the message and the line only. A limit anywhere in the cause chain is the error.
   */
  private TemplateException error(TemplateException.Kind kind, PebbleException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof LimitExceeded limit) {
        return new TemplateException(
            TemplateException.Kind.LIMIT, limit.getPebbleMessage(), limit.getLineNumber());
      }
      if (t instanceof PebbleException p
          && p.getPebbleMessage() != null
          && p.getPebbleMessage().startsWith(PEBBLE_MAX_SIZE)) {
        return new TemplateException(
            TemplateException.Kind.LIMIT,
            "output exceeds " + count(limits.maxOutput()) + " characters",
            p.getLineNumber());
      }
    }
    String message =
        e.getPebbleMessage() == null ? String.valueOf(e.getMessage()) : e.getPebbleMessage();
    return new TemplateException(kind, message, e.getLineNumber());
  }

  private static PebbleEngine engine(TemplateLimits limits, boolean escapeHtml) {
    return new PebbleEngine.Builder()
        .loader(new StringLoader())
        .autoEscaping(escapeHtml)
        .cacheActive(false)
        .maxRenderedSize(limits.maxOutput())
        .newLineTrimming(false)
        .allowOverrideCoreOperators(true) // only ~, see LimitsExtension
        .extension(new LimitsExtension(limits))
        .registerExtensionCustomizer(SizeCheckedFilters::new)
        .build();
  }

  /** The render's output: each write first checks the deadline and the thread's interrupt. */
  private static final class GuardedWriter extends Writer {
    private final Writer out;
    private final RenderBudget budget;

    GuardedWriter(Writer out, RenderBudget budget) {
      this.out = out;
      this.budget = budget;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      budget.check(null);
      out.write(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) throws IOException {
      budget.check(null);
      out.write(s, offset, length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
