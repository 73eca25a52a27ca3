package io.waymark.scenarios.control;

import java.util.regex.Pattern;

/**
 * The two kinds of scenario trigger. Event triggers start on a code of the trigger vocabulary
 * ({@code io.waymark.platform.plugins.Triggers}); before-event triggers fire {@code minutes} before
 * a dated event, their code naming that event ({@code DatedEvents}).
 */
public final class TriggerTypes {

  public static final String EVENT = "event";
  public static final String BEFORE_EVENT = "before_event";

  /** A dated event's key, and for a kind taking one, a colon and its argument ({@code field:x}). */
  static final Pattern BEFORE_EVENT_CODE =
      Pattern.compile("[a-z0-9_.-]{1,64}(:[a-z][a-z0-9_]{0,63})?");

  private TriggerTypes() {}
}
