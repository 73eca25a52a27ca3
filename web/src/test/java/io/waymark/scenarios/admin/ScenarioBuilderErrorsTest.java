package io.waymark.scenarios.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.json.JsonSupport;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioBuilderErrorsTest {

  private static final String GOAL = "a1b2c3d4-0000-4000-8000-000000000001";
  private static final String TRIGGER = "a1b2c3d4-0000-4000-8000-000000000002";

  private static JsonObject document() {
    String json =
        "{\"name\":\"Welcome\",\"triggers\":{\""
            + TRIGGER
            + "\":{\"name\":\"\"}},"
            + "\"elements\":{\""
            + GOAL
            + "\":{\"name\":\"Wait for g1\"}}}";
    try (var reader = JsonSupport.JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void errorsAboutANodeAreShownOnItAndListedByItsName() {
    ScenarioBuilderErrors errors =
        ScenarioBuilderErrors.of(
            List.of(
                new FieldError("elements." + GOAL, "needs at least one goal code"),
                new FieldError(
                    "elements." + GOAL.toUpperCase() + ".goal.recheckPeriodMinutes",
                    "must be at least 1"),
                new FieldError("triggers." + TRIGGER, "leads to no element")),
            document());

    assertThat(errors.byNode()).containsOnlyKeys(GOAL, TRIGGER);
    assertThat(errors.byNode().get(GOAL))
        .containsExactly(
            "needs at least one goal code", "must be at least 1 (goal.recheckPeriodMinutes)");
    assertThat(errors.lines())
        .containsExactly(
            "Element 'Wait for g1': needs at least one goal code",
            "Element 'Wait for g1': must be at least 1 (goal.recheckPeriodMinutes)",
            "Trigger '" + TRIGGER + "': leads to no element");
  }

  @Test
  void otherErrorsOnlyGoToTheList() {
    ScenarioBuilderErrors errors =
        ScenarioBuilderErrors.of(
            List.of(
                new FieldError("name", "must not be blank"),
                new FieldError("elements", "a scenario needs at least one element")),
            document());

    assertThat(errors.byNode()).isEmpty();
    assertThat(errors.lines())
        .containsExactly(
            "Name: must not be blank", "elements: a scenario needs at least one element");
  }
}
