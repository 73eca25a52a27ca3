package io.waymark.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueConstraintsTest {

  private static SQLException violation(String constraint) {
    return new SQLException(
        "ERROR: duplicate key value violates unique constraint \""
            + constraint
            + "\"\n  Detail: Key (lower(email::text))=(a@b.test) already exists.",
        "23505");
  }

  @Test
  void aKnownConstraintDeepInTheCauseChainIsItsConflict() {
    var wrapped =
        new RuntimeException(
            "could not execute statement",
            new IllegalStateException("flush", violation("users_email_lower_uq")));
    assertThat(UniqueConstraints.conflict(wrapped))
        .hasValueSatisfying(
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.code()).isEqualTo("email_taken");
            });
  }

  @Test
  void aNextExceptionOfABatchCounts() {
    SQLException batch = new SQLException("Batch entry 0 was aborted", "23505");
    batch.setNextException(violation("segments_code_key"));
    assertThat(UniqueConstraints.conflict(batch))
        .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("code_taken"));
  }

  @Test
  void unknownConstraintsOtherStatesAndCyclesAreNoConflict() {
    assertThat(UniqueConstraints.conflict(violation("something_else_key"))).isEmpty();
    assertThat(
            UniqueConstraints.conflict(
                new SQLException(
                    "duplicate key value violates unique constraint \"users_email_lower_uq\"",
                    "23503")))
        .isEmpty();
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(UniqueConstraints.conflict(a)).isEmpty();
  }
}
