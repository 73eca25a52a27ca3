package io.waymark.scenarios.engine.control;

import io.waymark.platform.plugins.Plugin;
import java.util.List;

/**
 * A scenario element type (SPEC §6), a CDI bean found by {@link ElementTypes}: its key is the
 * {@code type} of the scenario document, its params the options the builder offers. The same bean
 * checks the options when a scenario is saved and runs the element, so a document that saves runs.
 * An element with a side effect performs it in the job's transaction, keyed by the job, so it
 * happens once whatever runs the job twice.
 */
public interface ElementType extends Plugin {

  /** Reports each problem of the options to {@code check}. */
  void check(ElementCheck check);

  Outcome run(Visit visit);

  /**
   * Runs several visits of elements of this type in the one transaction of their batch (ADR 0024),
   * in user order, and returns their outcomes in the same order. A type whose visits cost
   * statements each decides them with a few statements for all; by default each is run on its own.
   */
  default List<Outcome> runAll(List<Visit> visits) {
    return visits.stream().map(this::run).toList();
  }

  /** Whether it can end on the negative branch (the builder draws that port). */
  default boolean negativeBranch() {
    return false;
  }

  /** Whether its descendants are chosen by variant position (A/B tests) rather than by branch. */
  default boolean variants() {
    return false;
  }

  /**
   * Whether a duplicate hand-off may run a waiting job of this type before it is due (re-checking a
   * goal is harmless).
   */
  default boolean recheckableEarly() {
    return false;
  }
}
