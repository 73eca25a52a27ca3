package io.waymark.segments.admin;

import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import io.waymark.segments.boundary.SegmentView;
import io.waymark.segments.boundary.Segments;
import io.waymark.segments.boundary.Segments.DailyCount;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One segment: its definition (the criteria tree read-only, or the SQL), the cached count with its
 * time and duration, the count history of the last {@value #HISTORY_DAYS} days as a chart, and
 * "recount now".
 */
@Named
@RequestScoped
public class SegmentDetail {

  static final int HISTORY_DAYS = 31;
  private static final DateTimeFormatter DAY_LABEL =
      DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  @Inject Segments segments;

  @Inject ConsoleUser console;

  @Inject Clock clock;

  private String code;
  private SegmentView segment;
  private CriteriaTree tree;
  private List<DailyCount> history = List.of();
  private boolean loaded;

  private String membershipEvents;
  private java.time.Instant snapshotTakenAt;

  public void load() {
    loaded = true;
    try {
      segment = segments.find(code == null ? "" : code.strip());
    } catch (WaymarkException e) {
      Messages.error("Segment '" + code + "' not found.");
      return;
    }
    membershipEvents = segments.membershipEvents(segment);
    snapshotTakenAt = segments.snapshotTakenAt(segment).orElse(null);
    if (segment.criteria() != null) {
      try (var reader = JsonSupport.JSON.createReader(new StringReader(segment.criteria()))) {
        tree =
            CriteriaTree.of(
                reader.readValue(), segments.criteria().stream().map(CriterionSpec::of).toList());
      }
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    history = segments.dailyCounts(segment.code(), today.minusDays(HISTORY_DAYS - 1L), today);
  }

  /**
   * Counts the members now, stores the count and today's figure, and shows the page again. Editors
   * and admins.
   */
  public String recount() {
    if (!console.mayEdit() || code == null) {
      return null;
    }
    try {
      SegmentView counted = segments.recount(code.strip());
      Messages.info(
          "Recounted: " + counted.count() + " users (" + counted.countDurationMs() + " ms).");
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      return "/admin/segments/detail.xhtml?faces-redirect=true&code="
          + URLEncoder.encode(counted.code(), StandardCharsets.UTF_8);
    } catch (WaymarkException e) {
      Messages.error(e, Map.of());
    } catch (EJBException e) {
      Messages.error("Counting failed: " + cause(e));
    }
    load(); // a postback does not run the page's view actions: show the segment again with the
    // message
    return null;
  }

  /** The innermost message of a failure the container wrapped (a database error, a timeout). */
  static String cause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /**
   * The Chart.js configuration of the count-history line chart for {@code p:chart}: one label per
   * UTC day, today last, {@code null} on days without a figure (the line spans them). Only dates
   * and numbers go in: PrimeFaces writes this JSON into a script unescaped.
   */
  public String getChartConfig() {
    Map<LocalDate, Long> byDay =
        history.stream().collect(Collectors.toMap(DailyCount::day, DailyCount::count));
    JsonArrayBuilder labels = JsonSupport.JSON.createArrayBuilder();
    JsonArrayBuilder counts = JsonSupport.JSON.createArrayBuilder();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    for (LocalDate day = today.minusDays(HISTORY_DAYS - 1L);
        !day.isAfter(today);
        day = day.plusDays(1)) {
      labels.add(DAY_LABEL.format(day));
      Long count = byDay.get(day);
      if (count == null) {
        counts.addNull();
      } else {
        counts.add(count);
      }
    }
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("type", "line")
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
                                .add("label", "Members")
                                .add("data", counts)
                                .add("borderColor", "#3b6fd4")
                                .add("backgroundColor", "#3b6fd4")
                                .add("spanGaps", true)
                                .add("pointRadius", 3))))
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

  /** Days of the chart that have a figure. */
  public int getHistoryDays() {
    return history.size();
  }

  /** How this segment's entered / left are found (SPEC §4: what is real time, said plainly). */
  public String getMembershipEvents() {
    return membershipEvents;
  }

  /** Whether it keeps a membership snapshot: a criteria or raw-SQL segment. */
  public boolean isKeepsSnapshot() {
    return segment != null && !segment.isStatic() && !segment.locked();
  }

  /** When its membership snapshot was taken; null when not yet (or a goal or static segment). */
  public java.time.Instant getSnapshotTakenAt() {
    return snapshotTakenAt;
  }

  public String getLockedReason() {
    return LockedSegments.reason(segment);
  }

  public String getLockedGoal() {
    return LockedSegments.goalCode(segment);
  }

  /**
   * Whether the builder opens for changes for this user (otherwise it shows the definition
   * read-only).
   */
  public boolean isEditable() {
    return segment != null
        && !segment.locked()
        && console.isCanEdit()
        && (segment.sql() == null || console.isAdmin());
  }

  /**
   * The page's segment. A postback runs no view action, so a form rendered only for some segments
   * (whose button would otherwise not be decoded) has it read here first.
   */
  public SegmentView getSegment() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!loaded && faces.isPostback()) {
      // decoding comes before the view parameter's model update: the forms post the code too
      if (code == null) {
        code = faces.getExternalContext().getRequestParameterMap().get("code");
      }
      if (code != null) {
        load();
      }
    }
    return segment;
  }

  public CriteriaTree getTree() {
    return tree;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
