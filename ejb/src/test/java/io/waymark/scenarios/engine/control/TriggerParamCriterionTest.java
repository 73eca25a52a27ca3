package io.waymark.scenarios.engine.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.criteria.Binding;
import io.waymark.platform.criteria.Bound;
import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Compiled;
import io.waymark.platform.criteria.CriterionPlugin.Use;
import io.waymark.platform.criteria.Explained;
import io.waymark.platform.criteria.TriggerParamCriterion;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.json.JsonSupport;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerParamCriterionTest {

  private final TriggerParamCriterion criterion = new TriggerParamCriterion();
  private final List<FieldError> errors = new ArrayList<>();
  private final Binding payload =
      new Binding(
          1L,
          json("{\"plan\":\"pro\",\"seats\":5,\"properties\":{\"tier\":\"gold\"},\"note\":\"\"}"));

  private static JsonObject json(String text) {
    return JsonSupport.JSON.createReader(new StringReader(text)).readObject();
  }

  private Compiled compile(String params) {
    return criterion.compile(
        json(params),
        "criteria.params",
        new CompileContext(errors, code -> Optional.empty(), Use.CONDITION));
  }

  private boolean holds(String params) {
    Compiled compiled = compile(params);
    assertThat(errors).isEmpty();
    return ((Bound.Decided) compiled.bind(payload)).value();
  }

  @Test
  void decidesInJavaWithoutTheDatabase() {
    assertThat(holds("{\"name\":\"seats\",\"operator\":\"neq\",\"value\":5}")).isFalse();
    assertThat(holds("{\"name\":\"seats\",\"operator\":\"gt\",\"value\":4}")).isTrue();
    assertThat(holds("{\"name\":\"seats\",\"operator\":\"lte\",\"value\":4.5}")).isFalse();
    assertThat(holds("{\"name\":\"plan\",\"operator\":\"contains\",\"value\":\"R\"}")).isTrue();
    assertThat(
            holds(
                "{\"name\":\"properties.tier\",\"operator\":\"in\",\"value\":[\"silver\",\"GOLD\"]}"))
        .isTrue();
    assertThat(holds("{\"name\":\"note\",\"operator\":\"is_empty\"}")).isTrue();
    assertThat(holds("{\"name\":\"note\",\"operator\":\"exists\"}")).isTrue();
    assertThat(holds("{\"name\":\"missing\",\"operator\":\"ne\",\"value\":\"x\"}")).isFalse();
  }

  @Test
  void explainsTheComparedValue() {
    List<Explained> explained =
        compile("{\"name\":\"seats\",\"operator\":\"gte\",\"value\":5}").explain(payload);
    assertThat(explained).hasSize(1);
    assertThat(explained.get(0).actual()).isEqualTo("5");
    assertThat(explained.get(0).outcome()).isTrue();
  }

  @Test
  void aMissingNameOrValueIsAnError() {
    assertThat(compile("{\"operator\":\"eq\",\"value\":1}")).isNull();
    assertThat(compile("{\"name\":\"seats\",\"operator\":\"eq\"}")).isNull();
    assertThat(errors)
        .extracting(FieldError::path)
        .containsExactly("criteria.params.name", "criteria.params.value");
  }
}
