package io.waymark.scenarios.control;

import io.waymark.events.boundary.EventTriggers;
import io.waymark.goals.boundary.GoalTriggers;
import io.waymark.platform.plugins.Trigger;
import io.waymark.platform.plugins.Triggers;
import io.waymark.scenarios.engine.control.AbTestElement;
import io.waymark.scenarios.engine.control.BannerElement;
import io.waymark.scenarios.engine.control.ConditionElement;
import io.waymark.scenarios.engine.control.DateFieldEvent;
import io.waymark.scenarios.engine.control.DatedEvents;
import io.waymark.scenarios.engine.control.ElementTypes;
import io.waymark.scenarios.engine.control.EmailElement;
import io.waymark.scenarios.engine.control.GoalElement;
import io.waymark.scenarios.engine.control.GoalExpiresEvent;
import io.waymark.scenarios.engine.control.SegmentElement;
import io.waymark.scenarios.engine.control.WaitElement;
import io.waymark.scenarios.engine.control.WebhookElement;
import io.waymark.segments.boundary.SegmentTriggers;
import io.waymark.segments.control.StandardCriteria;
import io.waymark.users.boundary.UserTriggers;
import java.util.ArrayList;
import java.util.List;

/** The registries the application has, built without CDI for the validator's unit tests. */
final class Vocabularies {

  private Vocabularies() {}

  static Triggers triggers() {
    List<Trigger> all = new ArrayList<>();
    all.addAll(new UserTriggers().triggers());
    all.addAll(new GoalTriggers().triggers());
    all.addAll(new EventTriggers().triggers());
    all.addAll(new SegmentTriggers().triggers());
    return new Triggers(all);
  }

  static final ScenarioValidator.Vocabulary STANDARD =
      new ScenarioValidator.Vocabulary(
          new ElementTypes(
              List.of(
                  new GoalElement(),
                  new WaitElement(),
                  new SegmentElement(),
                  new ConditionElement(StandardCriteria.compiler()),
                  new EmailElement(),
                  new BannerElement(),
                  new WebhookElement(),
                  new AbTestElement())),
          triggers(),
          new DatedEvents(List.of(new GoalExpiresEvent(), new DateFieldEvent())));
}
