package io.waymark.goals.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterRowTest {

  private static FilterRow row(String key, String type, String value) {
    FilterRow row = new FilterRow();
    row.setKey(key);
    row.setType(type);
    row.setValue(value);
    return row;
  }

  @Test
  void valuesBecomeTheChosenType() {
    List<String> problems = new ArrayList<>();
    assertThat(row("plan", "string", "5").typed(problems)).isEqualTo("5");
    assertThat(row("seats", "number", " 5.50 ").typed(problems)).isEqualTo(new BigDecimal("5.50"));
    assertThat(row("trial", "boolean", "TRUE").typed(problems)).isEqualTo(Boolean.TRUE);
    assertThat(row("note", "string", "").typed(problems)).isEqualTo("");
    assertThat(problems).isEmpty();
  }

  @Test
  void textOfAnotherTypeIsAProblemNamingTheFilter() {
    List<String> problems = new ArrayList<>();
    assertThat(row("seats", "number", "five").typed(problems)).isNull();
    assertThat(row("trial", "boolean", "yes").typed(problems)).isNull();
    assertThat(problems)
        .containsExactly(
            "Filter 'seats': 'five' is not a number", "Filter 'trial': 'yes' is not true or false");
  }

  @Test
  void storedValuesShowWithTheirType() {
    FilterRow number = FilterRow.of("seats", new BigDecimal("5"));
    assertThat(number.getType()).isEqualTo("number");
    assertThat(number.getShown()).isEqualTo("5");
    assertThat(FilterRow.of("plan", "pro").getShown()).isEqualTo("\"pro\"");
    assertThat(FilterRow.of("trial", false).getShown()).isEqualTo("false");
    assertThat(FilterRow.of("trial", false).getType()).isEqualTo("boolean");
  }

  @Test
  void onlyRowsWithoutKeyAndValueAreBlank() {
    assertThat(row(null, "string", null).isBlank()).isTrue();
    assertThat(row(" ", "string", "").isBlank()).isTrue();
    assertThat(row("", "string", "x").isBlank()).isFalse();
  }
}
