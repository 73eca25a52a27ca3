package io.waymark.goals.admin;

import io.waymark.goals.boundary.GoalAnalytics;
import io.waymark.goals.boundary.GoalAnalytics.Bucket;
import io.waymark.goals.boundary.GoalAnalytics.DayCount;
import io.waymark.goals.boundary.GoalAnalytics.GoalStats;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One goal: its definition and analytics (counters, completion rate, completions per day, time to
 * complete).
 */
@Named
@RequestScoped
public class GoalDetail {

  private static final DateTimeFormatter DAY_LABEL =
      DateTimeFormatter.ofPattern("MMM d", java.util.Locale.ENGLISH);

  @Inject GoalAnalytics analytics;

  private String code;
  private GoalStats stats;

  public void load() {
    try {
      stats = analytics.stats(code == null ? "" : code.strip());
    } catch (WaymarkException e) {
      stats = null;
      Messages.error("Goal '" + code + "' not found.");
    }
  }

  /** {@code 80 %} (one decimal when needed); a dash when nobody ever had the goal. */
  public String getCompletionRate() {
    BigDecimal rate = stats.completionRate();
    if (rate == null) {
      return "–";
    }
    return rate.multiply(BigDecimal.valueOf(100))
            .setScale(1, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + " %";
  }

  /**
   * The Chart.js configuration of the completions-per-day bar chart for {@code p:chart}. Only dates
   * and numbers go in: PrimeFaces writes this JSON into a script unescaped, so no text a user typed
   * may ever be part of it.
   */
  public String getChartConfig() {
    JsonArrayBuilder labels = JsonSupport.JSON.createArrayBuilder();
    JsonArrayBuilder counts = JsonSupport.JSON.createArrayBuilder();
    for (DayCount day : stats.perDay()) {
      labels.add(DAY_LABEL.format(day.date()));
      counts.add(day.count());
    }
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            JsonSupport.JSON
                .createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    JsonSupport.JSON
                        .createArrayBuilder()
                        .add(
                            JsonSupport.JSON
                                .createObjectBuilder()
                                .add("label", "Completions")
                                .add("data", counts)
                                .add("backgroundColor", "#3b6fd4"))))
        .add(
            "options",
            JsonSupport.JSON
                .createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add(
                    "plugins",
                    JsonSupport.JSON
                        .createObjectBuilder()
                        .add(
                            "legend", JsonSupport.JSON.createObjectBuilder().add("display", false)))
                .add(
                    "scales",
                    JsonSupport.JSON
                        .createObjectBuilder()
                        .add(
                            "y",
                            JsonSupport.JSON
                                .createObjectBuilder()
                                .add("beginAtZero", true)
                                .add(
                                    "ticks",
                                    JsonSupport.JSON.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }

  public long getCompletionsShown() {
    return stats.perDay().stream().mapToLong(DayCount::count).sum();
  }

  /**
   * A bucket's bar width in percent of the largest bucket, for the CSS bars of the time-to-complete
   * table.
   */
  public int barWidth(Bucket bucket) {
    long max = stats.timeToComplete().stream().mapToLong(Bucket::count).max().orElse(0);
    return max == 0 ? 0 : (int) Math.round(100.0 * bucket.count() / max);
  }

  /** {@code 3-6} → {@code 3–6 days}, {@code 1} → {@code 1 day}. */
  public String bucketLabel(Bucket bucket) {
    String label = bucket.label().replace('-', '–');
    return label + ("1".equals(label) ? " day" : " days");
  }

  /** The event goal's property filters, in their stored order. */
  public List<FilterRow> getFilters() {
    return stats.goal().eventProperties().entrySet().stream()
        .map(e -> FilterRow.of(e.getKey(), e.getValue()))
        .toList();
  }

  public GoalStats getStats() {
    return stats;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
