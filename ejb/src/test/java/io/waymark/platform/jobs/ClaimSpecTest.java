package io.waymark.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClaimSpecTest {

  @Test
  void theClaimLocksTheOldestDueRowsSkippingLockedOnesAndChangesThemInOneStatement() {
    ClaimSpec spec =
        new ClaimSpec(
            "jobs j",
            "due_at <= ?",
            "due_at, id",
            "update",
            "due_at = ?",
            new ClaimSpec.Join("kinds k", "k.id = j.kind_id"),
            "j.id, k.name");
    assertThat(spec.sql(50).replaceAll("\\s+", " ").strip())
        .isEqualTo(
            "with due as (select id from jobs where due_at <= ? order by due_at, id limit 50"
                + " for update skip locked) update jobs j set due_at = ? from due, kinds k"
                + " where j.id = due.id and k.id = j.kind_id returning j.id, k.name");
    ClaimSpec plain =
        new ClaimSpec("segments", "a <= ?", "id", "no key update", "b = ?", null, "segments.id");
    assertThat(plain.sql(1).replaceAll("\\s+", " ").strip())
        .isEqualTo(
            "with due as (select id from segments where a <= ? order by id limit 1"
                + " for no key update skip locked) update segments set b = ? from due"
                + " where segments.id = due.id returning segments.id");
  }

  @Test
  void onlyRowLocksThatKeepOthersWaitingAndAtLeastOneRow() {
    assertThatThrownBy(() -> new ClaimSpec("t", "true", "id", "share", "x = 1", null, "id"))
        .isInstanceOf(IllegalArgumentException.class);
    ClaimSpec spec = new ClaimSpec("t", "true", "id", "update", "x = 1", null, "id");
    assertThatThrownBy(() -> spec.sql(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCandidateSubqueryReadsNoMoreRowsThanAreClaimed() {
    ClaimSpec spec =
        new ClaimSpec(
            "t",
            "id in (select id from c limit " + ClaimSpec.LIMIT + ")",
            "id",
            "update",
            "x = 1",
            null,
            "id");
    assertThat(spec.sql(7)).contains("from c limit 7)").contains("order by id limit 7");
  }
}
