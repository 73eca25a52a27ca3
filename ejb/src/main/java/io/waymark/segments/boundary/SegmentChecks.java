package io.waymark.segments.boundary;

import io.waymark.segments.control.CompiledChecks;
import io.waymark.segments.control.CompiledChecks.Check;
import io.waymark.segments.control.SegmentSql;
import io.waymark.segments.control.SegmentSql.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The membership check of the segment API, the hottest read of the product: one statement per
 * check, outside the EJB container and any transaction (ADR 0014). The segment's compiled SQL is
 * remembered with the version of the segment definitions it was compiled at; the statement reads
 * that version in the same snapshot as the membership, so an answer is only used when the SQL was
 * still the definition. Otherwise (first check of a code on this server, or a definition changed)
 * it is compiled again through {@link Segments}, which answers 404 for an unknown code.
 */
@ApplicationScoped
public class SegmentChecks {

  @Inject Segments segments;

  @Inject SegmentSql sql;

  @Inject CompiledChecks compiled;

  /** Whether the user with this id is a member now (false for an unknown user). */
  public boolean containsId(String code, long userId) {
    return contains(code, userId, false);
  }

  /**
   * Whether the user with this email (matched case-insensitively, like a login) is a member now.
   */
  public boolean containsEmail(String code, String email) {
    return contains(code, email, true);
  }

  private boolean contains(String code, Object user, boolean byEmail) {
    Check check = compiled.get(code).orElse(null);
    if (check != null) {
      CheckResult result = sql.check(byEmail ? check.byEmail() : check.byId(), user);
      if (result.version() == check.version()) {
        return result.member();
      }
    }
    // first check of this code here, or a definition changed since: compile again (404 for an
    // unknown code) and
    // answer with the fresh SQL, as exact as a lookup of the definition followed by its query
    check = segments.compileCheck(code);
    compiled.put(code, check);
    return sql.check(byEmail ? check.byEmail() : check.byId(), user).member();
  }
}
