package io.waymark.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DueTableTest {

  private final DueTable table =
      new DueTable(
          "jobs",
          "state in ('new', 'claimed') and due_at <= ? and not_before <= ?",
          "due_at",
          "('new', 'claimed')",
          "claimed",
          "'new'",
          "dead",
          "finished_at");

  @Test
  void theClaimLeasesDueRowsAsClaimedAndAnswersTheirAttempts() {
    assertThat(table.claim().sql(10).replaceAll("\\s+", " ").strip())
        .isEqualTo(
            "with due as (select id from jobs where state in ('new', 'claimed') and due_at <= ?"
                + " and not_before <= ? order by due_at limit 10 for no key update skip locked)"
                + " update jobs d set state = 'claimed', due_at = ?, updated_at = ? from due"
                + " where d.id = due.id returning d.id, d.attempts");
  }

  @Test
  void everyParameterOfTheDueFragmentIsNow() {
    assertThat(table.dueParameters()).isEqualTo(2);
  }
}
