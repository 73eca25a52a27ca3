package io.waymark.scenarios.engine.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.jobs.DueKind;
import io.waymark.platform.jobs.DueWork;
import io.waymark.platform.messaging.Redelivery;
import io.waymark.platform.messaging.TestMessages;
import io.waymark.scenarios.engine.entity.JobState;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioJobConsumerTest {

  private final List<String> calls = new ArrayList<>();
  private RuntimeException runFails;
  private RuntimeException batchFails;
  private long failingJob = -1;
  private RuntimeException recordFails;

  private ScenarioJobConsumer consumer() {
    ScenarioJobConsumer consumer = new ScenarioJobConsumer();
    consumer.jobs =
        new ScenarioJobs() {
          @Override
          public Optional<JobState> run(long jobId) {
            calls.add("run " + jobId);
            if (runFails != null || jobId == failingJob) {
              throw runFails != null ? runFails : new IllegalStateException("job " + jobId);
            }
            return Optional.of(JobState.FINISHED);
          }

          @Override
          public void runAll(List<Long> jobIds) {
            calls.add("run all " + jobIds);
            if (batchFails != null) {
              throw batchFails;
            }
          }
        };
    consumer.due =
        new DueWork() {
          @Override
          public void failed(DueKind kind, long id, String error) {
            calls.add("failed " + id + ": " + error);
            if (recordFails != null) {
              throw recordFails;
            }
          }

          @Override
          public void dead(DueKind kind, long id, String error) {
            calls.add("dead " + id + ": " + error);
            if (recordFails != null) {
              throw recordFails;
            }
          }
        };
    consumer.kind = new ScenarioJobKind();
    consumer.queue =
        new ScenarioJobQueue() {
          @Override
          public void sendEach(List<Long> jobIds, jakarta.jms.Destination to) {
            calls.add("send each " + jobIds);
          }
        };
    return consumer;
  }

  private static Message delivery(long jobId, int count) {
    return TestMessages.message(Long.toString(jobId), Map.of("JMSXDeliveryCount", count));
  }

  @Test
  void aBatchRunsInOneTransaction() {
    consumer().onMessage(TestMessages.message("3,1,2", Map.of("JMSXDeliveryCount", 1)));
    assertThat(calls).containsExactly("run all [3, 1, 2]");
  }

  @Test
  void aBatchThatRolledBackRunsOneByOneSoOnlyTheFailingJobCountsAFailure() {
    batchFails = new IllegalStateException("job 2");
    failingJob = 2;
    consumer().onMessage(TestMessages.message("1,2,3", Map.of("JMSXDeliveryCount", 1)));
    assertThat(calls)
        .containsExactly(
            "run all [1, 2, 3]",
            "run 1",
            "run 2",
            "failed 2: IllegalStateException: job 2",
            "run 3");
  }

  @Test
  void aBatchDeliveredAgainGoesBackJobByJobAndIsNeverGivenUpWhole() {
    consumer().onMessage(TestMessages.message("1,2", Map.of("JMSXDeliveryCount", Redelivery.CAP)));
    assertThat(calls).containsExactly("send each [1, 2]");
  }

  @Test
  void aRunThatThrowsIsRecordedAsAFailedAttemptAndTheMessageIsDone() {
    runFails = new IllegalStateException("boom");
    consumer().onMessage(delivery(7, 1));
    assertThat(calls).containsExactly("run 7", "failed 7: IllegalStateException: boom");
  }

  @Test
  void whenTheFailureCannotBeRecordedTheBrokerRedelivers() {
    runFails = new IllegalStateException("boom");
    recordFails = new IllegalStateException("database away");
    assertThatThrownBy(() -> consumer().onMessage(delivery(7, Redelivery.CAP - 1)))
        .hasMessage("database away");
  }

  @Test
  void theLastDeliveryMarksTheJobFailedInsteadOfRunningItAgain() {
    consumer().onMessage(delivery(7, Redelivery.CAP));
    assertThat(calls).containsExactly("dead 7: gave up after " + Redelivery.CAP + " deliveries");
  }

  @Test
  void theLastDeliveryIsGivenUpEvenWhenTheJobCannotBeMarked() {
    recordFails = new IllegalStateException("database away");
    consumer().onMessage(delivery(7, Redelivery.CAP + 1));
    assertThat(calls).hasSize(1).first().asString().startsWith("dead 7");
  }
}
