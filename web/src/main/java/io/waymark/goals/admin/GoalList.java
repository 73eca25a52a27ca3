package io.waymark.goals.admin;

import io.waymark.goals.boundary.GoalAnalytics;
import io.waymark.goals.boundary.GoalAnalytics.GoalCounters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The goals list: every goal with its completion counters and active count (one aggregate query),
 * optionally narrowed by a search on code or name (GET parameter {@code q}). Unpaged, like the
 * goals API's list: a business has tens of goals, not thousands.
 */
@Named
@RequestScoped
public class GoalList {

  @Inject GoalAnalytics analytics;

  private String q;
  private List<GoalCounters> goals;

  public void load() {
    goals = analytics.list(q);
  }

  public List<GoalCounters> getGoals() {
    return goals;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }
}
