package io.waymark.goals.boundary;

import io.waymark.goals.control.EventFilters;
import io.waymark.goals.entity.OnboardingGoal;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.segments.boundary.Segments;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Goal definitions: create, edit (the code never changes), list. */
@Stateless
public class OnboardingGoals {

  static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,64}");
  static final Set<String> RESERVED =
      Set.of("list", "complete", "complete-batch", "assign", "timeout");

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject Segments segments;

  public GoalView create(GoalChange change) {
    List<FieldError> errors = new ArrayList<>();
    validate(change, true, errors);
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    if (byCode(change.code()).isPresent()) {
      throw codeTaken(change.code());
    }
    OnboardingGoal goal = new OnboardingGoal(change.code(), clock.instant());
    apply(goal, change);
    em.persist(goal);
    try {
      em.flush();
    } catch (jakarta.persistence.PersistenceException e) {
      throw codeTaken(change.code());
    }
    segments.ensureGoalSegment(goal.getId(), goal.getCode(), goal.getName());
    return view(goal);
  }

  public GoalView update(String code, GoalChange change) {
    OnboardingGoal goal = entity(code);
    if (change.code() != null && !change.code().equals(code)) {
      throw WaymarkException.conflict("immutable_field", "The code of a goal cannot be changed");
    }
    List<FieldError> errors = new ArrayList<>();
    GoalChange merged =
        new GoalChange(
            code,
            change.name() != null ? change.name() : goal.getName(),
            change.type() != null ? change.type() : goal.getType(),
            change.eventName() != null ? change.eventName() : goal.getEventName(),
            change.eventProperties() != null
                ? change.eventProperties()
                : EventFilters.fromJson(goal.getEventFilters()));
    validate(merged, false, errors);
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    apply(goal, merged);
    goal.setUpdatedAt(clock.instant());
    segments.ensureGoalSegment(goal.getId(), goal.getCode(), goal.getName());
    return view(goal);
  }

  public GoalView find(String code) {
    return view(entity(code));
  }

  /** Never throws: callers that must not mark the transaction rollback-only (batches) use this. */
  public Optional<GoalView> lookup(String code) {
    return byCode(code).map(OnboardingGoals::view);
  }

  /** All goals ordered by name (the onboarding module's list is unpaged). */
  public List<GoalView> list() {
    return em.createQuery(
            "select g from OnboardingGoal g order by g.name, g.code", OnboardingGoal.class)
        .getResultStream()
        .map(OnboardingGoals::view)
        .toList();
  }

  /** Event goals waiting for a tracked event of this name. */
  public List<GoalView> forEvent(String eventName) {
    return em.createQuery(
            "select g from OnboardingGoal g where g.type = 'event' and g.eventName = :name",
            OnboardingGoal.class)
        .setParameter("name", eventName)
        .getResultStream()
        .map(OnboardingGoals::view)
        .toList();
  }

  OnboardingGoal entity(String code) {
    return byCode(code).orElseThrow(() -> goalNotFound(code));
  }

  private Optional<OnboardingGoal> byCode(String code) {
    return em.createQuery(
            "select g from OnboardingGoal g where g.code = :code", OnboardingGoal.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  public static WaymarkException goalNotFound(String code) {
    return WaymarkException.notFound("goal_not_found", "goal '" + code + "' not found");
  }

  private static WaymarkException codeTaken(String code) {
    return WaymarkException.conflict("code_taken", "Goal code '" + code + "' is already taken");
  }

  static void validate(GoalChange c, boolean creating, List<FieldError> errors) {
    if (creating) {
      if (c.code() == null || c.code().isBlank()) {
        errors.add(new FieldError("code", "is required"));
      } else if (!CODE.matcher(c.code()).matches()) {
        errors.add(new FieldError("code", "must match [a-z0-9_-]{1,64}"));
      } else if (RESERVED.contains(c.code())) {
        errors.add(new FieldError("code", "'" + c.code() + "' is a reserved word"));
      }
    }
    if (c.name() == null || c.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    } else if (c.name().length() > 255) {
      errors.add(new FieldError("name", "must have at most 255 characters"));
    }
    Optional<GoalType> type = GoalType.parse(c.type() == null ? "simple" : c.type());
    if (type.isEmpty()) {
      errors.add(new FieldError("type", "must be 'simple' or 'event'"));
    } else if (type.get() == GoalType.EVENT && (c.eventName() == null || c.eventName().isBlank())) {
      errors.add(new FieldError("event.name", "is required for an event goal"));
    }
    if (c.eventName() != null && c.eventName().length() > 255) {
      errors.add(new FieldError("event.name", "must have at most 255 characters"));
    }
    if (c.eventProperties() != null) {
      c.eventProperties()
          .forEach(
              (k, v) -> {
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                  errors.add(
                      new FieldError(
                          "event.properties." + k, "must be a string, number or boolean"));
                }
              });
    }
  }

  private static void apply(OnboardingGoal goal, GoalChange c) {
    goal.setName(c.name().strip());
    GoalType type = GoalType.parse(c.type() == null ? "simple" : c.type()).orElseThrow();
    goal.setType(type.id());
    if (type == GoalType.EVENT) {
      goal.setEventName(c.eventName().strip());
      goal.setEventFilters(EventFilters.toJson(c.eventProperties()));
    } else {
      goal.setEventName(null);
      goal.setEventFilters("{}");
    }
  }

  static GoalView view(OnboardingGoal g) {
    return new GoalView(
        g.getId(),
        g.getCode(),
        g.getName(),
        GoalType.parse(g.getType()).orElseThrow(),
        g.getEventName(),
        EventFilters.fromJson(g.getEventFilters()),
        g.getCreatedAt(),
        g.getUpdatedAt());
  }
}
