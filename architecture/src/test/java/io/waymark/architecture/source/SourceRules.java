package io.waymark.architecture.source;

import java.util.List;
import java.util.regex.Pattern;

/** The source rules of DESIGN.md §4a: one mechanism each, in the platform. */
final class SourceRules {

  /**
   * Claiming rows with {@code SKIP LOCKED} is the due-work dispatcher's job. "SKIP LOCKED" alone is
   * the mark: it also catches {@code FOR UPDATE OF j SKIP LOCKED}, {@code FOR NO KEY UPDATE SKIP
   * LOCKED} and SQL split over a text block's lines.
   */
  static final SourceRule CLAIM_LOOP_SQL =
      new SourceRule(
          "claim-loop-sql",
          "due rows are claimed (FOR UPDATE SKIP LOCKED) by the one claim loop of io.waymark.platform"
              + ".jobs (and the outbox's)",
          Pattern.compile("(?i)\\bskip\\s+locked\\b"),
          List.of("io.waymark.platform.jobs", "io.waymark.platform.outbox"));

  /**
   * A switch on something named type or kind whose first label is a string literal: an element,
   * criterion or trigger type written as a switch instead of a plugin. Pragmatic: enum switches
   * ({@code case TEXT}) pass, and so, unseen, do string constants ({@code case Node.OR}).
   */
  static final SourceRule TYPE_STRING_SWITCH =
      new SourceRule(
          "type-string-switch",
          "types are plugins looked up in io.waymark.platform.plugins, not string switches",
          Pattern.compile(
              "\\bswitch\\s*\\((?=[^{;]*?(?i:type|kind))[^{;]*\\)\\s*\\{\\s*case\\s+\""),
          List.of("io.waymark.platform.plugins"));

  /** EJB timers, programmatic ({@code TimerService}, also via getTimerService()) or declared. */
  static final SourceRule EJB_TIMER =
      new SourceRule(
          "ejb-timer",
          "sweepers are io.waymark.platform.sweep.Sweep beans: the scaffolds hold the timers",
          Pattern.compile("TimerService\\b|@(?:jakarta\\.ejb\\.)?Schedules?\\b"),
          List.of(
              "io.waymark.platform.sweep",
              "io.waymark.platform.jobs",
              "io.waymark.platform.outbox"));

  static final List<SourceRule> ALL = List.of(CLAIM_LOOP_SQL, TYPE_STRING_SWITCH, EJB_TIMER);

  private SourceRules() {}
}
