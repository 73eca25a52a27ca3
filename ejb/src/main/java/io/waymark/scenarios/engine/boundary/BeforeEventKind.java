package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.jobs.DueItem;
import io.waymark.platform.jobs.DueTable;
import io.waymark.platform.jobs.Handled;
import io.waymark.scenarios.engine.control.EngineSettings;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The before-event work as due work (ADR 0021): the due rows, fired, and the fills, run; each item
 * in its own transaction ({@link BeforeEventRuns}), a failure retried with the scenario engine's
 * backoff and attempts.
 */
final class BeforeEventKind extends EngineDueKind {

  private final String name;
  private final DueTable table;
  private final LongConsumer run;
  private final EngineSettings settings;

  BeforeEventKind(String name, DueTable table, LongConsumer run, EngineSettings settings) {
    this.name = name;
    this.table = table;
    this.run = run;
    this.settings = settings;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DueTable table() {
    return table;
  }

  @Override
  protected EngineSettings settings() {
    return settings;
  }

  @Override
  public List<Handled> handle(List<DueItem> items) {
    return Handled.each(name, items, run);
  }
}
