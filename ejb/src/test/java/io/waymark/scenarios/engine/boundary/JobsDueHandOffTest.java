package io.waymark.scenarios.engine.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.scenarios.engine.control.JobsDue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The after-commit hand-off: one drain at a time, nothing left behind, batches as they come. */
class JobsDueHandOffTest {

  private final JobsDueHandOff handOff = new JobsDueHandOff();

  private final List<List<Long>> sent = new ArrayList<>();

  private int drains;

  @Test
  void handOffsDuringADrainGoWithItAndStartNoSecondDrain() {
    handOff.queue =
        new ScenarioJobQueue() {
          @Override
          public void drain(JobsDueHandOff jobs) {
            drains++;
            if (drains == 1) {
              jobs.handOff(new JobsDue(List.of(4L))); // committed while this drain runs
            }
            do {
              for (List<Long> ids = jobs.take(2); !ids.isEmpty(); ids = jobs.take(2)) {
                sent.add(ids);
              }
            } while (jobs.stop());
          }
        };

    handOff.handOff(new JobsDue(List.of(1L, 2L, 3L)));
    assertThat(drains).isEqualTo(1);
    assertThat(sent).containsExactly(List.of(1L, 2L), List.of(3L, 4L));
    assertThat(handOff.pending()).isZero();

    handOff.handOff(new JobsDue(List.of(5L))); // idle again: a new drain, at once
    assertThat(drains).isEqualTo(2);
    assertThat(sent).last().isEqualTo(List.of(5L));
  }

  @Test
  void aDrainThatCouldNotStartLeavesTheNextHandOffToStartOne() {
    handOff.queue =
        new ScenarioJobQueue() {
          @Override
          public void drain(JobsDueHandOff jobs) {
            if (++drains == 1) {
              throw new IllegalStateException("no thread");
            }
            sent.add(jobs.take(25));
            jobs.stop();
          }
        };

    assertThatThrownBy(() -> handOff.handOff(new JobsDue(List.of(1L))))
        .isInstanceOf(IllegalStateException.class);
    handOff.handOff(new JobsDue(List.of(2L)));
    assertThat(drains).isEqualTo(2);
    assertThat(sent).containsExactly(List.of(1L, 2L)); // the first one was not lost either
  }

  @Test
  void aBusyServerIsOneWhoseLastDrainPassStartedWithinTheWindow() {
    long now = 1_000_000_000L;
    assertThat(handOff.busy(now, 20_000_000)).isFalse(); // the first pass ever
    assertThat(handOff.busy(now + 10_000_000, 20_000_000)).isTrue();
    assertThat(handOff.busy(now + 50_000_000, 20_000_000)).isFalse();
  }
}
