package io.waymark.scenarios.engine.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.json.JsonSupport;
import io.waymark.segments.control.CompileContext;
import io.waymark.segments.control.SqlFragment;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerParamCriterionTest {

  private final TriggerParamCriterion criterion =
      new TriggerParamCriterion(
          JsonSupport.JSON
              .createReader(new StringReader("{\"plan\":\"pro\",\"seats\":5}"))
              .readObject());

  private SqlFragment compile(String params, List<FieldError> errors) {
    return criterion.compile(
        JsonSupport.JSON.createReader(new StringReader(params)).readObject(),
        "criteria.params",
        new CompileContext(errors, code -> Optional.empty()));
  }

  @Test
  void bindsThePayloadValueAndTheExpectedOne() {
    List<FieldError> errors = new ArrayList<>();
    SqlFragment sql = compile("{\"name\":\"seats\",\"operator\":\"neq\",\"value\":5}", errors);
    assertThat(errors).isEmpty();
    assertThat(sql.sql()).isEqualTo("coalesce(cast(? as text) <> cast(? as text), false)");
    assertThat(sql.params()).containsExactly("5", "5");
  }

  @Test
  void existsNeedsNoValueAndAMissingNameIsAnError() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(compile("{\"name\":\"coupon\",\"operator\":\"exists\"}", errors).sql())
        .isEqualTo("false");
    assertThat(compile("{\"value\":\"x\"}", errors)).isNull();
    assertThat(errors).extracting(FieldError::path).containsExactly("criteria.params.name");
  }
}
