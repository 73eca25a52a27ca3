package io.waymark.segments.boundary;

import io.waymark.platform.broadcast.Broadcast;
import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Criteria;
import io.waymark.platform.criteria.CriteriaCompiler;
import io.waymark.platform.criteria.CriteriaParser;
import io.waymark.platform.criteria.CriterionPlugin;
import io.waymark.platform.criteria.SavedSegment;
import io.waymark.platform.criteria.Watch;
import io.waymark.platform.db.Jdbc;
import io.waymark.platform.db.Sql;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import io.waymark.segments.control.CompiledChecks;
import io.waymark.segments.control.RawSql;
import io.waymark.segments.control.SegmentCounts;
import io.waymark.segments.control.SegmentSnapshots;
import io.waymark.segments.control.SegmentSql;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Segments: definitions (criteria trees or raw SQL; a static segment has none, its members are
 * stored by {@link StaticMembers}), counts, membership checks, streaming of members.
 */
@Stateless
public class Segments {

  static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,100}");
  static final Set<String> RESERVED = Set.of("count", "criteria", "list");
  private static final String COLUMNS =
      "s.id, s.code, s.name, g.code, g.name, s.locked, s.criteria, s.raw_sql, s.cached_count,"
          + " s.count_updated_at, s.count_duration_ms, s.created_at, s.updated_at, s.count_slow,"
          + " (extract(epoch from s.recalculate_every) / 60)::bigint, s.count_error, s.count_failed_at,"
          + " s.kind";

  /** The longest recalculation period: 366 days. */
  static final long MAX_RECALCULATE_EVERY_MINUTES = 366L * 24 * 60;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject SegmentSql sql;

  @Inject Jdbc jdbc;

  @Inject Broadcast broadcast;

  @Inject SegmentSnapshots snapshots;

  @Inject MembershipRechecks rechecks;

  @Inject SegmentCounts counts;

  @Inject CriteriaCompiler compiler;

  /** The criteria a segment definition may use. */
  public List<CriterionPlugin> criteria() {
    return compiler.offered(CriterionPlugin.Use.SEGMENT);
  }

  /**
   * Raw SQL is read by a parser (one SELECT of one {@code id} column) and test-planned as the
   * sandbox login outside the caller's transaction (its rights, an integer {@code id}); a problem
   * is a 422 {@code validation_error} on {@code sql}.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void checkRawSql(String raw) {
    String problem = RawSql.problem(raw);
    if (problem == null) {
      problem = sql.rawProblem(RawSql.normalised(raw));
    }
    if (problem != null) {
      throw new WaymarkException(
          422,
          "validation_error",
          "Invalid segment SQL: " + problem,
          null,
          List.of(new FieldError("sql", problem)));
    }
  }

  /** {@code rawSqlChecked}: the caller ran {@link #checkRawSql} (and holds the raw-SQL grant). */
  public SegmentView create(SegmentChange change, boolean rawSqlChecked) {
    List<FieldError> errors = new ArrayList<>();
    if (change.code() == null || change.code().isBlank()) {
      errors.add(new FieldError("code", "is required"));
    } else if (!CODE.matcher(change.code()).matches()) {
      errors.add(new FieldError("code", "must match [a-z0-9_-]{1,100}"));
    } else if (RESERVED.contains(change.code())) {
      errors.add(new FieldError("code", "'" + change.code() + "' is a reserved word"));
    }
    validateName(change.name(), true, errors);
    Long groupId = group(change.groupCode() == null ? "default" : change.groupCode(), errors);
    validateRecalculation(change.recalculateEveryMinutes(), errors);
    SegmentKind kind = kind(change);
    String criteria =
        kind == SegmentKind.STATIC
            ? noDefinition(change, errors)
            : definition(change, change.code(), rawSqlChecked, true, errors);
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    if (row(change.code()).isPresent()) {
      throw WaymarkException.conflict(
          "code_taken", "Segment code '" + change.code() + "' is already taken");
    }
    Instant now = clock.instant();
    em.createNativeQuery(
            "insert into segments (code, name, group_id, criteria, raw_sql, created_at, updated_at, recalculate_every, kind)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?6, coalesce(?7, 60) * interval '1 minute', ?8)")
        .setParameter(1, change.code())
        .setParameter(2, change.name().strip())
        .setParameter(3, groupId)
        .setParameter(4, Sql.nullable(criteria))
        .setParameter(
            5, Sql.nullable(change.sql() == null ? null : RawSql.normalised(change.sql())))
        .setParameter(6, now)
        .setParameter(7, Sql.nullable(change.recalculateEveryMinutes()))
        .setParameter(8, kind.key())
        .executeUpdate();
    return find(change.code());
  }

  public SegmentView update(String code, SegmentChange change, boolean rawSqlChecked) {
    SegmentView current = find(code);
    if (current.locked()) {
      throw WaymarkException.conflict("locked", "Segment '" + code + "' is locked");
    }
    if (change.code() != null && !change.code().equals(code)) {
      throw WaymarkException.conflict("immutable_field", "The code of a segment cannot be changed");
    }
    if (change.kind() != null
        && change.kind() != current.kind()
        && (current.isStatic() || change.kind() == SegmentKind.STATIC)) {
      throw WaymarkException.conflict(
          "immutable_field", "A segment cannot become static, nor stop being static");
    }
    List<FieldError> errors = new ArrayList<>();
    if (change.kind() == SegmentKind.SQL
        && current.kind() != SegmentKind.SQL
        && change.sql() == null) {
      errors.add(new FieldError("sql", "is required to make it an sql segment"));
    } else if (change.kind() == SegmentKind.CRITERIA
        && current.kind() != SegmentKind.CRITERIA
        && change.criteria() == null) {
      errors.add(new FieldError("criteria", "is required to make it a criteria segment"));
    }
    validateName(change.name(), false, errors);
    Long groupId = change.groupCode() == null ? null : group(change.groupCode(), errors);
    validateRecalculation(change.recalculateEveryMinutes(), errors);
    String criteria =
        current.isStatic()
            ? noDefinition(change, errors)
            : definition(change, code, rawSqlChecked, false, errors);
    if (!current.isStatic()
        && change.criteria() != null
        && change.criteria().getValueType() == JsonValue.ValueType.NULL
        && change.sql() == null) {
      // a segment always has a definition: null cannot remove it
      errors.add(new FieldError("criteria", "must not be null (give criteria or sql)"));
    }
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    boolean newDefinition =
        !current.isStatic() && (change.criteria() != null || change.sql() != null);
    em.createNativeQuery(
            "update segments set name = coalesce(?1, name), group_id = coalesce(?2, group_id),"
                + " criteria = case when ?3 then ?4 else criteria end, raw_sql = case when ?3 then ?5 else raw_sql end,"
                + " cached_count = case when ?3 then null else cached_count end, updated_at = ?6,"
                // a new definition is counted by the next sweep
                + " count_updated_at = case when ?3 then null else count_updated_at end,"
                + " count_error = case when ?3 then null else count_error end, count_failed_at = case when ?3 then null else count_failed_at end,"
                // a count of the old definition still running stores nothing (SegmentCounts.store)
                + " count_claimed_until = case when ?3 then null else count_claimed_until end,"
                + " recalculate_every = coalesce(?8 * interval '1 minute', recalculate_every),"
                + " kind = case when ?3 then ?9 else kind end where code = ?7")
        .setParameter(1, Sql.nullable(change.name() == null ? null : change.name().strip()))
        .setParameter(2, Sql.nullable(groupId))
        .setParameter(3, newDefinition)
        .setParameter(4, Sql.nullable(criteria))
        .setParameter(
            5, Sql.nullable(change.sql() == null ? null : RawSql.normalised(change.sql())))
        .setParameter(6, clock.instant())
        .setParameter(7, code)
        .setParameter(8, Sql.nullable(change.recalculateEveryMinutes()))
        .setParameter(9, (change.sql() != null ? SegmentKind.SQL : SegmentKind.CRITERIA).key())
        .executeUpdate();
    if (newDefinition) {
      // its snapshot no longer holds: the servers stop re-checking it until the next recount
      broadcast.publish(MembershipRechecks.TOPIC, "");
    }
    return find(code);
  }

  public SegmentView find(String code) {
    return row(code).orElseThrow(() -> notFound(code));
  }

  public List<SegmentView> list(String groupCode) {
    String sql =
        "select "
            + COLUMNS
            + " from segments s join segment_groups g on g.id = s.group_id"
            + (groupCode == null ? "" : " where g.code = ?")
            + " order by g.sorting, s.name, s.code";
    return groupCode == null
        ? jdbc.list(sql, Segments::view)
        : jdbc.list(sql, Segments::view, groupCode);
  }

  /** Counts an unsaved criteria tree. */
  public long count(JsonValue criteria) {
    return sql.count(compile(criteria, "criteria"));
  }

  /**
   * The segment's count; for a criteria or raw-SQL segment (not a goal segment, not a static one)
   * also the diff of its members against its snapshot, told as entered / left ({@link
   * MembershipRechecks}) — unless the definition changed since {@code definedAt} (a recount claimed
   * before it: the next takes a first snapshot of the new one).
   */
  public long countAndDiff(SegmentView segment, Instant definedAt) {
    SqlFragment select = selectIds(segment);
    if (segment.isStatic() || segment.locked() || !segment.updatedAt().equals(definedAt)) {
      return sql.count(select);
    }
    // the definition these members are of, whatever a PUT commits meanwhile
    String definition =
        SegmentSnapshots.md5(segment.sql() != null ? segment.sql() : segment.criteria());
    Instant now = clock.instant();
    if (!select.sandboxed()) {
      SegmentSnapshots.Counted counted =
          snapshots.diffInDatabase(segment.id(), definition, select, now);
      rechecks.recounted(segment.code(), counted.diff());
      return counted.count();
    }
    long[] members = sql.ids(select);
    rechecks.recounted(segment.code(), snapshots.diff(segment.id(), definition, members, now));
    return sql.count(select); // an SQL segment's count is its query's rows, whatever they are
  }

  /**
   * Counts a saved segment, stores the count, its time, duration and slow flag, and today's figure
   * in the history (the recount sweep does the same for due segments, {@link SegmentRecounts}).
   */
  public SegmentView recount(String code) {
    SegmentView segment = find(code);
    long started = System.nanoTime();
    long count = countAndDiff(segment, segment.updatedAt());
    counts.store(
        segment.id(),
        count,
        (int) ((System.nanoTime() - started) / 1_000_000),
        clock.instant(),
        null);
    return find(code);
  }

  public record DailyCount(LocalDate day, long count) {}

  public List<DailyCount> dailyCounts(String code, LocalDate from, LocalDate to) {
    SegmentView segment = find(code);
    List<?> rows =
        em.createNativeQuery(
                "select day, count from segment_counts where segment_id = ?1 and day between ?2 and ?3 order by day")
            .setParameter(1, segment.id())
            .setParameter(2, from)
            .setParameter(3, to)
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              Object[] row = (Object[]) r;
              LocalDate day =
                  row[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[0];
              return new DailyCount(day, ((Number) row[1]).longValue());
            })
        .toList();
  }

  /** Whether the user is a member now (false for an unknown user). */
  public boolean contains(String code, long userId) {
    return sql.contains(selectIds(find(code)), userId);
  }

  /**
   * A membership-check statement for the segment, compiled now at the current version of the
   * segment definitions (read first, so the definitions read after it are at least that new); 404
   * for an unknown code.
   */
  public CompiledChecks.Check compileCheck(String code) {
    long version =
        jdbc.first("select version from segment_definitions_version", rs -> rs.getLong(1))
            .orElseThrow();
    return CompiledChecks.compile(version, selectIds(find(code)));
  }

  public void streamMembers(String code, SegmentSql.MemberConsumer consumer) {
    sql.stream(selectIds(find(code)), consumer);
  }

  /**
   * Keyset page of members in ascending id order: up to {@code limit} with ids above {@code
   * afterId} (null: from the start).
   */
  public List<SegmentMember> members(String code, Long afterId, int limit) {
    List<SegmentMember> page = new ArrayList<>();
    sql.page(
        selectIds(find(code)),
        afterId,
        null,
        limit,
        (id, email) -> page.add(new SegmentMember(id, email)));
    return page;
  }

  /** The members just below {@code beforeId} (the previous page), still in ascending id order. */
  public List<SegmentMember> membersBefore(String code, long beforeId, int limit) {
    List<SegmentMember> page = new ArrayList<>();
    sql.page(
        selectIds(find(code)),
        null,
        beforeId,
        limit,
        (id, email) -> page.add(new SegmentMember(id, email)));
    java.util.Collections.reverse(page);
    return page;
  }

  /** Every segment group, in display order (also the empty ones, for pickers). */
  public List<SegmentGroup> groups() {
    List<?> rows =
        em.createNativeQuery("select code, name from segment_groups order by sorting, name")
            .getResultList();
    return rows.stream()
        .map(r -> new SegmentGroup((String) ((Object[]) r)[0], (String) ((Object[]) r)[1]))
        .toList();
  }

  /**
   * The goal's locked segment: active users with an active row for the goal. Created or renamed
   * with the goal.
   */
  public void ensureGoalSegment(long goalId, String goalCode, String goalName) {
    String criteria =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("type", "and")
            .add(
                "nodes",
                JsonSupport.JSON
                    .createArrayBuilder()
                    .add(
                        JsonSupport.JSON
                            .createObjectBuilder()
                            .add("type", "criterion")
                            .add("key", "user.field")
                            .add(
                                "params",
                                JsonSupport.JSON
                                    .createObjectBuilder()
                                    .add("field", "active")
                                    .add("operator", "eq")
                                    .add("value", true)))
                    .add(
                        JsonSupport.JSON
                            .createObjectBuilder()
                            .add("type", "criterion")
                            .add("key", "goal.state")
                            .add(
                                "params",
                                JsonSupport.JSON
                                    .createObjectBuilder()
                                    .add("goal_code", goalCode)
                                    .add("state", "active"))))
            .build()
            .toString();
    Instant now = clock.instant();
    em.createNativeQuery(
            "insert into segments (code, name, group_id, locked, criteria, onboarding_goal_id, created_at, updated_at)"
                + " values (?1, ?2, (select id from segment_groups where code = 'onboarding'), true, ?3, ?4, ?5, ?5)"
                + " on conflict (onboarding_goal_id) do update set name = excluded.name, updated_at = excluded.updated_at")
        .setParameter(1, goalSegmentCode(goalCode))
        .setParameter(2, "Targeting onboarding goal: " + goalName)
        .setParameter(3, criteria)
        .setParameter(4, goalId)
        .setParameter(5, now)
        .executeUpdate();
  }

  public static String goalSegmentCode(String goalCode) {
    return "onboarding_" + goalCode;
  }

  /**
   * The SQL selecting the segment's member ids; a definition that no longer compiles is a payload
   * error.
   */
  public SqlFragment selectIds(SegmentView segment) {
    if (segment.isStatic()) {
      return new SqlFragment()
          .text("select sm.user_id as id from segment_members sm where sm.segment_id = ")
          .bind(segment.id());
    }
    if (segment.sql() != null) {
      return new SqlFragment().text("select s.id from (").rawSql(segment.sql()).text(") s");
    }
    return compile(read(segment.criteria()), "criteria");
  }

  private SqlFragment compile(JsonValue json, String path) {
    List<FieldError> errors = new ArrayList<>();
    CompileContext context = new CompileContext(errors, this::savedSegment);
    Criteria criteria = CriteriaParser.parse(json, path, context);
    SqlFragment fragment = criteria == null ? null : compiler.selectIds(criteria, path, context);
    if (fragment == null || !errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    return fragment;
  }

  /**
   * A saved segment {@code segment.member} may refer to: a criteria segment's tree, or a static
   * segment; empty for an unknown code or an SQL segment.
   */
  public Optional<SavedSegment> savedSegment(String code) {
    return row(code)
        .filter(SegmentView::referable)
        .map(
            s ->
                s.isStatic()
                    ? new SavedSegment.Listed(s.code())
                    : new SavedSegment.Tree(
                        CriteriaParser.parse(
                            read(s.criteria()),
                            "",
                            new CompileContext(new ArrayList<>(), c -> Optional.empty()))));
  }

  /**
   * {@code code} is the segment being defined: a criterion reaching back to it (directly or through
   * others) is a cycle.
   */
  private String definition(
      SegmentChange change,
      String code,
      boolean rawSqlChecked,
      boolean required,
      List<FieldError> errors) {
    boolean hasCriteria =
        change.criteria() != null && change.criteria().getValueType() != JsonValue.ValueType.NULL;
    boolean hasSql = change.sql() != null;
    if (hasCriteria && hasSql) {
      errors.add(new FieldError("criteria", "give either criteria or sql, not both"));
      return null;
    }
    if (!hasCriteria && !hasSql) {
      if (required) {
        errors.add(new FieldError("criteria", "is required (or sql)"));
      }
      return null;
    }
    if (change.kind() == SegmentKind.SQL && hasCriteria) {
      errors.add(new FieldError("criteria", "an sql segment is defined by sql"));
      return null;
    }
    if (change.kind() == SegmentKind.CRITERIA && hasSql) {
      errors.add(new FieldError("sql", "a criteria segment is defined by criteria"));
      return null;
    }
    if (hasSql) {
      if (!rawSqlChecked) {
        throw new IllegalStateException("raw SQL must be checked before it is stored");
      }
      return null;
    }
    CompileContext context = new CompileContext(errors, this::savedSegment);
    if (code != null) {
      context.enter(code);
    }
    Criteria criteria = CriteriaParser.parse(change.criteria(), "criteria", context);
    if (criteria != null) {
      compiler.selectIds(criteria, "criteria", context);
    }
    return change.criteria().toString();
  }

  /** The kind a new segment gets: the one asked for, else what its definition says. */
  private static SegmentKind kind(SegmentChange change) {
    if (change.kind() != null) {
      return change.kind();
    }
    return change.sql() != null ? SegmentKind.SQL : SegmentKind.CRITERIA;
  }

  /** A static segment has members, not a definition: criteria or sql are refused. */
  private static String noDefinition(SegmentChange change, List<FieldError> errors) {
    String problem =
        "a static segment has no definition: its members are added and removed by"
            + " POST / DELETE /api/v1/segments/{code}/members";
    if (change.criteria() != null && change.criteria().getValueType() != JsonValue.ValueType.NULL) {
      errors.add(new FieldError("criteria", problem));
    }
    if (change.sql() != null) {
      errors.add(new FieldError("sql", problem));
    }
    return null;
  }

  private static void validateRecalculation(Long minutes, List<FieldError> errors) {
    if (minutes != null && (minutes < 1 || minutes > MAX_RECALCULATE_EVERY_MINUTES)) {
      errors.add(
          new FieldError(
              "recalculate_every_minutes",
              "must be between 1 and " + MAX_RECALCULATE_EVERY_MINUTES));
    }
  }

  private static void validateName(String name, boolean required, List<FieldError> errors) {
    if (name == null) {
      if (required) {
        errors.add(new FieldError("name", "is required"));
      }
    } else if (name.isBlank() || name.length() > 255) {
      errors.add(new FieldError("name", "must have 1 to 255 characters"));
    }
  }

  private Long group(String code, List<FieldError> errors) {
    List<?> rows =
        em.createNativeQuery("select id from segment_groups where code = ?1")
            .setParameter(1, code)
            .getResultList();
    if (rows.isEmpty()) {
      errors.add(new FieldError("group_code", "unknown group '" + code + "'"));
      return null;
    }
    return ((Number) rows.get(0)).longValue();
  }

  /** Plain JDBC: read on every membership check (ADR 0006). */
  private Optional<SegmentView> row(String code) {
    return jdbc.first(
        "select "
            + COLUMNS
            + " from segments s join segment_groups g on g.id = s.group_id where s.code = ?",
        Segments::view,
        code);
  }

  private static SegmentView view(java.sql.ResultSet r) throws java.sql.SQLException {
    long count = r.getLong(9);
    Long cachedCount = r.wasNull() ? null : count;
    int duration = r.getInt(11);
    Integer durationMs = r.wasNull() ? null : duration;
    return new SegmentView(
        r.getLong(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getBoolean(6),
        SegmentKind.of(r.getString(18)).orElseThrow(),
        r.getString(7),
        r.getString(8),
        cachedCount,
        Jdbc.instant(r, 10),
        durationMs,
        Jdbc.instant(r, 12),
        Jdbc.instant(r, 13),
        r.getBoolean(14),
        r.getLong(15),
        r.getString(16),
        Jdbc.instant(r, 17));
  }

  /**
   * How the segment's entered / left are found, said plainly for the console: at once (goal and
   * static segments), by re-checks of what its criteria watch and at each recount (criteria), or at
   * each recount only (raw SQL, criteria that watch nothing).
   */
  public String membershipEvents(SegmentView segment) {
    if (segment.isStatic()) {
      return "Entered / left at once, as members are added and removed.";
    }
    if (segment.locked()) {
      return "Entered / left at once, from the goal's rows.";
    }
    if (segment.sql() != null) {
      return "Entered / left at each recount (raw SQL is not re-checked between recounts).";
    }
    List<String> watched = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    Criteria tree =
        CriteriaParser.parse(
            read(segment.criteria()), "criteria", new CompileContext(errors, this::savedSegment));
    for (Watch watch : tree == null ? List.<Watch>of() : compiler.watches(tree)) {
      if (watch instanceof Watch.Field f) {
        watched.add("the field " + f.name());
      } else if (watch instanceof Watch.Event e) {
        watched.add(
            "a tracked event " + e.name() + (e.windowDays() == null ? "" : window(e.windowDays())));
      } else if (watch instanceof Watch.Goal g) {
        watched.add(
            "the rows of goal "
                + g.code()
                + (g.windowDays() == null ? "" : window(g.windowDays())));
      }
    }
    if (watched.isEmpty()) {
      return "Entered / left at each recount (its criteria watch nothing to re-check between"
          + " recounts).";
    }
    return "Entered / left at once when one of these changes for a user: "
        + String.join(", ", watched)
        + "; anything else at each recount.";
  }

  /**
   * When the membership snapshot of a criteria or raw-SQL segment's current definition was taken
   * (its first count takes it, telling nothing); empty when it is not yet, or for a goal or static
   * segment, which keep none.
   */
  public Optional<Instant> snapshotTakenAt(SegmentView segment) {
    if (segment.isStatic() || segment.locked()) {
      return Optional.empty();
    }
    return snapshots.takenAt(
        segment.id(),
        SegmentSnapshots.md5(segment.sql() != null ? segment.sql() : segment.criteria()));
  }

  private static String window(int days) {
    return " (and again when its " + days + "-day window has passed)";
  }

  static JsonValue read(String json) {
    try (var reader = JsonSupport.JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  public static WaymarkException notFound(String code) {
    return WaymarkException.notFound("segment_not_found", "Segment does not exist: " + code);
  }
}
