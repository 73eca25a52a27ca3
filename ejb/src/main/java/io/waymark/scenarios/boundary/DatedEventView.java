package io.waymark.scenarios.boundary;

import io.waymark.platform.plugins.Param;
import java.util.List;

/**
 * A dated event as {@code list-triggers} shows it: the code a before-event trigger stores ({@code
 * field:<code>} for one taking an argument), its options ({@code minutes} first) and what the
 * payload carries.
 */
public record DatedEventView(String code, String label, List<Param> options, List<String> payload) {

  public DatedEventView {
    options = List.copyOf(options);
    payload = List.copyOf(payload);
  }
}
