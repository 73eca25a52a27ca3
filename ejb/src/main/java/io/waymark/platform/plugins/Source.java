package io.waymark.platform.plugins;

import java.util.Locale;

/**
 * Where a write came from (SPEC §1): bulk sources — an import, an integration's sync — mark their
 * writes, and triggers ignore them unless a rule or scenario opts in, so an import of a million
 * customers sends nobody a welcome message.
 */
public enum Source {
  API,
  CONSOLE,
  IMPORT,
  SYNC,
  /** Waymark's own bookkeeping (the bootstrap admin): never an event for triggers. */
  SYSTEM,
  /**
   * Waymark's own evaluation of a definition as data and time move on (a segment's recount, a time
   * window passing): news, like a write of the API.
   */
  EVALUATION;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a write from here fires triggers by default (not bulk imports, syncs, bookkeeping). */
  public boolean firesTriggers() {
    return this == API || this == CONSOLE || this == EVALUATION;
  }
}
