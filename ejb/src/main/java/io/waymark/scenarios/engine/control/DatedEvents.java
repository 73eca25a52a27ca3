package io.waymark.scenarios.engine.control;

import io.waymark.platform.plugins.Plugins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The dated events before-event triggers may name: every {@link DatedEvent} bean. */
@ApplicationScoped
public class DatedEvents extends Plugins<DatedEvent> {

  /** A trigger code read: the event it names and its argument (null when the kind takes none). */
  public record Named(DatedEvent event, String argument) {

    public String matchValue(jakarta.json.JsonObject options) {
      return event.matchValue(argument, options);
    }
  }

  protected DatedEvents() {}

  /** Over these kinds (unit tests). */
  public DatedEvents(List<? extends DatedEvent> events) {
    use(events);
  }

  @Inject
  void discover(@Any Instance<DatedEvent> events) {
    use(events);
  }

  /**
   * The event a trigger code names: {@code key} for a kind without an argument, {@code
   * key:argument} for one with; empty for anything else.
   */
  public Optional<Named> named(String code) {
    if (code == null) {
      return Optional.empty();
    }
    int colon = code.indexOf(':');
    String key = colon < 0 ? code : code.substring(0, colon);
    String argument = colon < 0 ? null : code.substring(colon + 1);
    return find(key)
        .filter(e -> e.key().equals(key))
        .filter(e -> (e.argument() == null) == (argument == null))
        .filter(e -> argument == null || !argument.isEmpty())
        .map(e -> new Named(e, argument));
  }

  /** The codes as the catalogues list them ({@code goal_expires, field:<code>}). */
  public String codes() {
    return String.join(", ", all().stream().map(e -> e.code(e.argument())).toList());
  }
}
