package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.jobs.DueWork;
import io.waymark.platform.sweep.Sweep;
import io.waymark.scenarios.engine.control.EngineCatalog;
import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.entity.BeforeEventStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The before-event dispatcher, every {@code waymark.scenarios.before-event-period} (PT10S) on each
 * server: the fills first (rows for dates already set when a scenario is enabled or saved), then
 * the due rows, each fired once however many servers claim (SKIP LOCKED). Never a timer per user or
 * date.
 */
@ApplicationScoped
public class BeforeEventSweep implements Sweep {

  @Inject DueWork work;

  @Inject BeforeEventRuns runs;

  @Inject EngineSettings settings;

  @Inject EngineCatalog catalog;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.before-event-period", defaultValue = "PT10S")
  Duration period;

  private BeforeEventKind fills;
  private BeforeEventKind due;

  @PostConstruct
  void kinds() {
    fills =
        new BeforeEventKind(
            "scenario.before-event-fills", BeforeEventStore.FILLS, runs::fill, settings);
    due = new BeforeEventKind("scenario.before-events", BeforeEventStore.DUE, runs::fire, settings);
  }

  @Override
  public String name() {
    return "scenarios.before-events";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public boolean own() {
    return true;
  }

  /** The time a pass may go on filling before it fires what is due. */
  static final Duration FILL_BUDGET = Duration.ofSeconds(20);

  /**
   * One pass: the fills, batch after batch (a fill is due again at once after each), for up to
   * {@link #FILL_BUDGET}; then the due rows. The items it claimed.
   */
  @Override
  public int runBatch() {
    catalog.refresh(); // a row fires only on a trigger the catalog knows
    long until = System.nanoTime() + FILL_BUDGET.toNanos();
    int items = 0;
    int claimed;
    do {
      claimed = work.dispatch(fills);
      items += claimed;
    } while (claimed > 0 && System.nanoTime() < until);
    return items + work.dispatch(due);
  }
}
