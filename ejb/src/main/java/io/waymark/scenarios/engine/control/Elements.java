package io.waymark.scenarios.engine.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** Runs a job's element by its type (SPEC §6). */
@Dependent
public class Elements {

  @Inject GoalElement goal;

  @Inject SegmentElement segment;

  @Inject ConditionElement condition;

  @Inject BannerElement banner;

  @Inject WebhookElement webhook;

  @Inject AbTestElement abTest;

  @Inject EmailElement email;

  public Outcome run(Visit visit) {
    return switch (visit.element().type()) {
      case "goal" -> goal.run(visit, EngineCatalog.goalCodes(visit.element()));
      case "wait" -> waitFor(visit);
      case "segment" -> segment.run(visit);
      case "condition" -> condition.run(visit);
      case "banner" -> banner.run(visit);
      case "webhook" -> webhook.run(visit);
      case "ab_test" -> abTest.run(visit);
      case "email" -> email.run(visit);
      case "sms" -> new Outcome.Failed("SMS not available yet");
      default -> new Outcome.Failed("unknown element type '" + visit.element().type() + "'");
    };
  }

  /**
   * Whether a duplicate hand-off may run a waiting job before it is due (re-checking a goal is
   * harmless).
   */
  public static boolean recheckableEarly(String type) {
    return type.equals("goal");
  }

  /** {@code wait} {minutes}: positive once the minutes since the entry have passed. */
  static Outcome waitFor(Visit visit) {
    Integer minutes = GoalElement.minutes(visit.element().options(), "minutes");
    Instant until = visit.enteredAt().plus(Duration.ofMinutes(minutes == null ? 0 : minutes));
    return visit.now().isBefore(until) ? new Outcome.Waiting(until) : Outcome.POSITIVE;
  }
}
