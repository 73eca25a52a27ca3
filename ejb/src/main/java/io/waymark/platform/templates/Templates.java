package io.waymark.platform.templates;

import static io.waymark.platform.templates.TemplateLimits.duration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Compiles and renders templates under the limits of {@code waymark.templates.*}. {@link #render}
 * runs on the caller's thread (sends: the deadline is checked at every loop iteration, macro call
 * and write); {@link #withDeadline} runs work on the managed executor and waits at most the render
 * timeout, then cancels it — interrupting its thread, which the same checks notice — so a runaway
 * preview never holds a request thread longer than the timeout.
 */
@ApplicationScoped
public class Templates {

  private static final System.Logger LOG = System.getLogger(Templates.class.getName());

  /**
   * How much longer than the timeout a caller waits, so that the render's own error comes first.
   */
  private static final Duration GRACE = Duration.ofMillis(250);

  @Inject
  @ConfigProperty(name = "waymark.templates.max-output", defaultValue = "1000000")
  int maxOutput;

  @Inject
  @ConfigProperty(name = "waymark.templates.max-loop", defaultValue = "10000")
  int maxLoop;

  @Inject
  @ConfigProperty(name = "waymark.templates.render-timeout", defaultValue = "PT2S")
  Duration renderTimeout;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ExecutorService executor;

  private TemplateEngine engine;

  Templates() {}

  /** Outside a container (tests): these limits, this executor. */
  public Templates(TemplateLimits limits, ExecutorService executor) {
    this.engine = new TemplateEngine(limits);
    this.executor = executor;
  }

  @PostConstruct
  void start() {
    engine = new TemplateEngine(new TemplateLimits(maxOutput, maxLoop, renderTimeout));
  }

  public TemplateLimits limits() {
    return engine.limits();
  }

  public CompiledTemplate compile(String source, Escaping escaping) throws TemplateException {
    return engine.compile(source, escaping);
  }

  /** Renders on this thread, within the render timeout from now. */
  public String render(CompiledTemplate template, Map<String, Object> variables)
      throws TemplateException {
    return render(template, variables, Deadline.after(limits().renderTimeout()));
  }

  /** Renders on this thread by the deadline (several parts rendered under one deadline). */
  public String render(CompiledTemplate template, Map<String, Object> variables, Deadline deadline)
      throws TemplateException {
    return engine.render(template, variables, deadline);
  }

  /** Work that renders by the deadline it is given. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Deadline deadline) throws TemplateException;
  }

  /**
   * Runs the work on the managed executor with a deadline of the render timeout from when it
   * starts, and waits for it: a render that takes longer is cancelled (its thread interrupted) and
   * answered as the named limit. The wait for a free thread is bounded by the timeout too (the
   * servers' default executors may run few tasks at once: Payara's runs one, queueing the rest).
   */
  public <T> T withDeadline(Work<T> work) throws TemplateException {
    Duration timeout = limits().renderTimeout();
    CountDownLatch started = new CountDownLatch(1);
    Future<T> future;
    try {
      future =
          executor.submit(
              () -> {
                started.countDown();
                return work.run(Deadline.after(timeout));
              });
    } catch (RejectedExecutionException e) {
      LOG.log(Level.WARNING, "The managed executor refused a template render", e);
      throw busy(timeout);
    }
    try {
      if (!started.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        future.cancel(true);
        throw busy(timeout);
      }
      return future.get(timeout.plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // a render stuck outside the checks (e.g. one slow filter call): its thread is interrupted
      // and
      // stops at its next check
      future.cancel(true);
      throw tooLong(timeout);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw tooLong(timeout);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TemplateException t) {
        throw t;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static TemplateException busy(Duration timeout) {
    return new TemplateException(
        TemplateException.Kind.LIMIT,
        "rendering waited longer than "
            + duration(timeout)
            + " for a free thread (the server is busy rendering other templates)",
        null);
  }

  private static TemplateException tooLong(Duration timeout) {
    return new TemplateException(
        TemplateException.Kind.LIMIT, "rendering takes longer than " + duration(timeout), null);
  }
}
