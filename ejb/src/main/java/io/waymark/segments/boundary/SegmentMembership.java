package io.waymark.segments.boundary;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Criteria;
import io.waymark.platform.criteria.CriteriaCompiler;
import io.waymark.platform.criteria.CriteriaParser;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.json.JsonSupport;
import io.waymark.segments.control.SegmentSql;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * What an in-memory copy of a segment needs (the campaigns' membership cache): which segments
 * exist, whether one is a goal segment, its members streamed, one user's membership.
 *
 * <p>For a goal segment the copy holds the users with an active row of the goal — the goal's {@code
 * goal.state} criterion alone — and the reader checks that the user is active, the other half of
 * the goal segment's definition: goal events keep the first half current, while (de)activating a
 * user fires no event.
 */
@Stateless
public class SegmentMembership {

  /** A segment as a copy sees it: its code, and the goal (id and code) of a goal segment. */
  public record Source(String code, Long goalId, String goalCode) {
    public boolean goalSegment() {
      return goalId != null;
    }
  }

  @PersistenceContext EntityManager em;

  @Inject Segments segments;

  @Inject SegmentSql sql;

  @Inject CriteriaCompiler compiler;

  /** Never throws: the code of a segment that does not exist gives nothing. */
  public Optional<Source> source(String code) {
    List<?> rows =
        em.createNativeQuery(
                "select s.code, s.onboarding_goal_id, g.code from segments s"
                    + " left join onboarding_goals g on g.id = s.onboarding_goal_id where s.code = ?1")
            .setParameter(1, code)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new Source(
            (String) row[0],
            row[1] == null ? null : ((Number) row[1]).longValue(),
            (String) row[2]));
  }

  /** Which of these codes are segments. */
  public Set<String> existing(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    List<?> rows =
        em.createNativeQuery("select code from segments where code in (?1)")
            .setParameter(1, List.copyOf(codes))
            .getResultList();
    Set<String> found = new HashSet<>();
    rows.forEach(r -> found.add((String) r));
    return found;
  }

  /**
   * Streams the ids a copy holds, outside any transaction (a cursor over possibly millions of
   * rows).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void streamIds(Source source, LongConsumer ids) {
    if (source.goalSegment()) {
      sql.stream(activeGoalRows(source.goalCode()), (id, email) -> ids.accept(id));
    } else {
      segments.streamMembers(source.code(), (id, email) -> ids.accept(id));
    }
  }

  /** One user's membership as a copy holds it (see the class comment for goal segments). */
  public boolean contains(Source source, long userId) {
    if (source.goalSegment()) {
      return sql.contains(activeGoalRows(source.goalCode()), userId);
    }
    return segments.contains(source.code(), userId);
  }

  private SqlFragment activeGoalRows(String goalCode) {
    var criterion =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("type", "criterion")
            .add("key", "goal.state")
            .add(
                "params",
                JsonSupport.JSON
                    .createObjectBuilder()
                    .add("goal_code", goalCode)
                    .add("state", "active"))
            .build();
    List<io.waymark.platform.error.FieldError> errors = new ArrayList<>();
    CompileContext context = new CompileContext(errors, code -> Optional.empty());
    Criteria criteria = CriteriaParser.parse(criterion, "criteria", context);
    SqlFragment fragment =
        criteria == null ? null : compiler.selectIds(criteria, "criteria", context);
    if (fragment == null || !errors.isEmpty()) {
      throw new IllegalStateException("goal segment criterion did not compile: " + errors);
    }
    return fragment;
  }
}
