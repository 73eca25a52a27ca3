package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.Elements;
import io.waymark.scenarios.engine.control.EngineCatalog;
import io.waymark.scenarios.engine.control.JobsDue;
import io.waymark.scenarios.engine.control.Outcome;
import io.waymark.scenarios.engine.control.Visit;
import io.waymark.scenarios.engine.entity.Element;
import io.waymark.scenarios.engine.entity.Job;
import io.waymark.scenarios.engine.entity.JobState;
import io.waymark.scenarios.engine.entity.JobStore;
import io.waymark.scenarios.engine.entity.JobStore.NewJob;
import io.waymark.scenarios.engine.entity.JobStore.Recorded;
import io.waymark.scenarios.engine.entity.ScenarioGraph;
import io.waymark.scenarios.engine.entity.ScenarioState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs jobs, each exactly once, in ONE transaction per call: lock the job rows, check their state,
 * run their elements, record the results and insert the descendants' jobs on the branches the
 * results select (due now). A duplicate hand-off or a second dispatcher waits for the lock and then
 * finds the job done. Side effects (banner, webhook outbox row, goal changes, mail) commit together
 * with the jobs' states, or not at all. A batch (ADR 0024) costs a few statements whatever its
 * size: one lock of all its jobs, one read of their scenarios and elements, the elements run type
 * by type ({@link Elements#runAll}), one update recording every outcome and one insert of all the
 * descendants; one job is the batch of one.
 */
@Stateless
public class ScenarioJobs {

  @Inject JobStore jobs;

  @Inject ScenarioGraph graph;

  @Inject Elements elements;

  @Inject EngineCatalog catalog;

  @Inject Clock clock;

  @Inject Event<JobsDue> due;

  /**
   * Runs one job; returns what happened to it (for logs and the tests), or empty when there was
   * nothing to do.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<JobState> run(long jobId) {
    return Optional.ofNullable(runHere(List.of(jobId)).get(jobId));
  }

  /**
   * Runs these jobs in one transaction (one commit for the lot: the engine's throughput, ADR 0024),
   * in user order — the order every batch that locks users takes them in, so two batches cannot
   * deadlock on them — and hands all their descendants off at once. Any run that throws rolls them
   * all back; the caller then runs each on its own ({@link #run}), so a failing job is counted
   * alone and the others are not held back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void runAll(List<Long> jobIds) {
    runHere(jobIds);
  }

  /** Runs the jobs in the caller's transaction; what happened to each that had something to do. */
  private Map<Long, JobState> runHere(List<Long> jobIds) {
    Map<Long, JobState> happened = new HashMap<>();
    List<Job> locked = jobs.lockPending(jobIds);
    if (locked.isEmpty()) {
      return happened;
    }
    Instant now = clock.instant();
    Map<Long, ScenarioState> scenarios =
        graph.scenarios(locked.stream().map(Job::scenarioId).distinct().toList());
    Map<Long, Element> elementsById =
        graph.elements(locked.stream().map(Job::elementId).distinct().toList());
    List<Visit> visits = new ArrayList<>(locked.size());
    for (Job job : locked) {
      ScenarioState scenario = scenarios.get(job.scenarioId());
      Element element = elementsById.get(job.elementId());
      if (dropped(job, scenario, element, now)) {
        happened.put(job.id(), JobState.DROPPED);
      } else if (runnable(job, scenario, element, now)) {
        Instant enteredAt = job.entered() ? job.enteredAt() : now;
        visits.add(new Visit(job, element, enteredAt, !job.entered(), now));
      }
    }
    if (visits.isEmpty()) {
      return happened;
    }
    // before reading goals: a completion committed later leaves its wake-up for the dispatcher
    jobs.forgetWakeups(visits.stream().map(v -> v.job().id()).toList());
    Map<Long, Outcome> outcomes = run(visits, now, happened);
    visits.removeIf(v -> !outcomes.containsKey(v.job().id()));
    List<Recorded> recorded = new ArrayList<>(visits.size());
    List<NewJob> children = new ArrayList<>();
    Map<String, List<Long>> branches = new HashMap<>();
    for (Visit visit : visits) {
      Job job = visit.job();
      Outcome outcome = outcomes.get(job.id());
      if (outcome instanceof Outcome.Finished finished) {
        recorded.add(Recorded.finished(job.id(), finished.result(), visit.enteredAt()));
        List<Long> next =
            branches.computeIfAbsent(
                job.elementId() + ":" + finished.result(),
                k -> graph.descendants(job.elementId(), finished.result()));
        for (long child : next) {
          children.add(
              new NewJob(
                  job.scenarioId(), child, job.triggerId(), job.id(), job.userId(), job.context()));
        }
        happened.put(job.id(), JobState.FINISHED);
      } else if (outcome instanceof Outcome.Waiting waiting) {
        recorded.add(Recorded.waiting(job.id(), waiting.until(), visit.enteredAt()));
        happened.put(job.id(), JobState.WAITING);
      } else {
        recorded.add(
            Recorded.failed(job.id(), ((Outcome.Failed) outcome).reason(), visit.enteredAt()));
        happened.put(job.id(), JobState.FAILED);
      }
    }
    jobs.record(recorded, now);
    List<Long> made = jobs.insertAll(children, now);
    if (!made.isEmpty()) {
      due.fire(new JobsDue(made));
    }
    return happened;
  }

  /**
   * Runs the visits' elements: those of scenarios without exit criteria together, type by type;
   * then each of the others on its own, after checking again that its user has not left the
   * scenario by an event of this very batch (a goal one of its elements changed) — the check the
   * jobs had when each ran in its own transaction. A visit dropped so gets no outcome.
   */
  private Map<Long, Outcome> run(List<Visit> visits, Instant now, Map<Long, JobState> happened) {
    List<Visit> together = new ArrayList<>(visits.size());
    List<Visit> alone = new ArrayList<>();
    visits.forEach(v -> (catalog.hasExits(v.job().scenarioId()) ? alone : together).add(v));
    Map<Long, Outcome> outcomes = new HashMap<>(elements.runAll(together));
    for (Visit visit : alone) {
      if (exited(visit.job())) {
        jobs.exited(visit.job().id(), now);
        happened.put(visit.job().id(), JobState.DROPPED);
      } else {
        outcomes.putAll(elements.runAll(List.of(visit)));
      }
    }
    return outcomes;
  }

  /** Whether the user left the job's scenario by an exit criterion after the job was made. */
  private boolean exited(Job job) {
    return jobs.exitedAt(job.scenarioId(), job.userId())
        .filter(exited -> exited.isAfter(job.createdAt()))
        .isPresent();
  }

  /**
   * Drops the job when its scenario or element was deleted meanwhile (it finishes without
   * descendants) or its user left by an exit criterion after it was made (a run in progress made
   * it); whether it did.
   */
  private boolean dropped(Job job, ScenarioState scenario, Element element, Instant now) {
    if (scenario == null || element == null || scenario.outlived(job) || element.deleted()) {
      jobs.end(
          job.id(),
          JobState.DROPPED,
          element != null && element.deleted() ? "element deleted" : "scenario deleted or restored",
          null,
          now);
      return true;
    }
    if (catalog.hasExits(job.scenarioId()) && exited(job)) {
      jobs.exited(job.id(), now);
      return true;
    }
    return false;
  }

  /**
   * Whether the job is to run now: not a duplicate hand-off of a job that is not due, and its
   * scenario not paused (then it is released: the dispatcher claims it again once enabled).
   */
  private boolean runnable(Job job, ScenarioState scenario, Element element, Instant now) {
    if (job.state() == JobState.WAITING
        && job.dueAt().isAfter(now)
        && !elements.recheckableEarly(element.type())) {
      return false;
    }
    if (!scenario.enabled()) {
      jobs.release(job, now, now);
      return false;
    }
    return true;
  }
}
