package io.waymark.platform.templates;

import static io.waymark.platform.templates.TemplateLimits.count;
import static io.waymark.platform.templates.TemplateLimits.duration;

/**
 * What the render running on this thread has used of its {@link TemplateLimits}: the loop
 * iterations and macro calls so far, and its deadline. The checkpoints that {@link LimitsExtension}
 * compiles into loop and macro bodies, the capped {@code range} and {@code ~}, and the output
 * writer call it; each also stops the render once its thread is interrupted (a cancelled preview)
 * or the deadline has passed.
 */
final class RenderBudget {

  private static final ThreadLocal<RenderBudget> CURRENT = new ThreadLocal<>();

  private final TemplateLimits limits;
  private final Deadline deadline;
  private int loops;
  private int macroCalls;

  RenderBudget(TemplateLimits limits, Deadline deadline) {
    this.limits = limits;
    this.deadline = deadline;
  }

  /** The budget of the render on this thread. */
  static RenderBudget current() {
    RenderBudget budget = CURRENT.get();
    if (budget == null) {
      // fails closed: the limits' nodes only ever run inside TemplateEngine.render
      throw new IllegalStateException("a template renders only through TemplateEngine.render");
    }
    return budget;
  }

  /** Runs one render with this budget on the current thread. */
  <T, E extends Exception> T during(Render<T, E> render) throws E {
    RenderBudget outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return render.run();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  @FunctionalInterface
  interface Render<T, E extends Exception> {
    T run() throws E;
  }

  void check(Integer line) {
    if (Thread.currentThread().isInterrupted() || deadline.passed()) {
      throw new LimitExceeded(
          "rendering takes longer than " + duration(limits.renderTimeout()), line);
    }
  }

  void loopIteration(int line) {
    check(line);
    if (++loops > limits.maxLoop()) {
      throw new LimitExceeded("loops run more than " + count(limits.maxLoop()) + " times", line);
    }
  }

  void macroCall(int line) {
    check(line);
    if (++macroCalls > limits.maxLoop()) {
      throw new LimitExceeded(
          "macros are called more than " + count(limits.maxLoop()) + " times", line);
    }
  }

  void range(long items, int line) {
    check(line);
    if (items > limits.maxLoop()) {
      throw rangeTooLong(items, limits, line);
    }
  }

  void joined(int length, int line) {
    if (length > limits.maxOutput()) {
      throw new LimitExceeded(
          "a string joined with ~ exceeds " + count(limits.maxOutput()) + " characters", line);
    }
  }

  /** Before a filter runs: the bound of its result's length (-1: none), within the output limit. */
  void filtering(String filter, long bound, int line) {
    check(line);
    if (bound > limits.maxOutput()) {
      throw new LimitExceeded(
          "the result of | "
              + filter
              + " would exceed "
              + count(limits.maxOutput())
              + " characters",
          line);
    }
  }

  /** A filter's result: a string, list or map no bigger than the output may be. */
  void filtered(String filter, Object result, int line) {
    check(line);
    long size;
    String unit;
    if (result instanceof CharSequence text) {
      size = text.length();
      unit = " characters";
    } else if (result instanceof java.util.Collection<?> items) {
      size = items.size();
      unit = " items";
    } else if (result instanceof java.util.Map<?, ?> entries) {
      size = entries.size();
      unit = " entries";
    } else {
      return;
    }
    if (size > limits.maxOutput()) {
      throw new LimitExceeded(
          "the result of | " + filter + " exceeds " + count(limits.maxOutput()) + unit, line);
    }
  }

  static LimitExceeded rangeTooLong(long items, TemplateLimits limits, int line) {
    return new LimitExceeded(
        "range over "
            + (items == Long.MAX_VALUE ? "more than " + count(Long.MAX_VALUE) : count(items))
            + " items exceeds the limit of "
            + count(limits.maxLoop()),
        line);
  }
}
