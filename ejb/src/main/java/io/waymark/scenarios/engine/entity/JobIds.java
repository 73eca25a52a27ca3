package io.waymark.scenarios.engine.entity;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Job ids from {@code scenario_jobs_seq} (increment 50): one {@code nextval} hands out a block of
 * 50 ids, like Hibernate's pooled optimizer. {@code nextval} is not transactional, so a rolled-back
 * block only leaves a gap.
 */
@ApplicationScoped
public class JobIds {

  static final int BLOCK = 50;

  @Inject Jdbc jdbc;

  private long next;
  private long end;

  public synchronized long next() {
    if (next >= end) {
      next = jdbc.first("select nextval('scenario_jobs_seq')", rs -> rs.getLong(1)).orElseThrow();
      end = next + BLOCK;
    }
    return next++;
  }
}
