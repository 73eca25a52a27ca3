package io.waymark.points.boundary;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Source;
import io.waymark.points.entity.PointsLedger;
import io.waymark.users.boundary.Users;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The points ledger (SPEC §9): groups, entries, balances and history. Adding points fires {@link
 * PointsChanged}.
 */
@Stateless
public class Points {

  static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,64}");

  /** The most points one entry may add or take. */
  static final int MAX_POINTS = 1_000_000;

  /** The newest entries a balance shows. */
  static final int HISTORY = 50;

  @Inject PointsLedger ledger;

  @Inject Users users;

  @Inject Clock clock;

  @Inject Event<PointsChanged> changed;

  /** 400 {@code payload_error} naming each bad part; 409 {@code code_taken}. */
  public PointGroup defineGroup(String code, String name) {
    List<FieldError> errors = new ArrayList<>();
    if (code == null || !CODE.matcher(code).matches()) {
      errors.add(new FieldError("code", "must match [a-z0-9_-]{1,64}"));
    }
    if (name == null || name.isBlank() || name.length() > 255) {
      errors.add(new FieldError("name", "is required (255 characters at most)"));
    }
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    PointGroup group = new PointGroup(code, name.strip(), clock.instant());
    if (!ledger.insertGroup(group)) {
      throw new WaymarkException(409, "code_taken", "Point group '" + code + "' already exists");
    }
    return group;
  }

  public List<PointGroup> groups() {
    return ledger.groups();
  }

  /**
   * Adds an entry (negative points take away): 400 naming a zero or out-of-range amount, a missing
   * reason or an unknown group; 404 for an unknown user. The balance after it.
   */
  public PointsBalance add(
      long userId, Integer points, String group, String reason, Source source) {
    List<FieldError> errors = new ArrayList<>();
    if (points == null || points == 0 || Math.abs(points) > MAX_POINTS) {
      errors.add(
          new FieldError("points", "must be a whole number from -1000000 to 1000000, not 0"));
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      errors.add(new FieldError("reason", "is required (500 characters at most)"));
    }
    Long groupId = null;
    if (group != null) {
      groupId = ledger.groupId(group).orElse(null);
      if (groupId == null) {
        errors.add(new FieldError("group", "no point group '" + group + "'"));
      }
    }
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    if (!users.exists(userId)) {
      throw Users.userNotFound(String.valueOf(userId));
    }
    long total = ledger.add(userId, groupId, points, reason.strip(), source.key(), clock.instant());
    changed.fire(new PointsChanged(userId, points, group, total, reason.strip(), source));
    return balance(userId);
  }

  public PointsBalance balance(long userId) {
    if (!users.exists(userId)) {
      throw Users.userNotFound(String.valueOf(userId));
    }
    return new PointsBalance(
        ledger.total(userId), ledger.byGroup(userId), ledger.history(userId, HISTORY));
  }
}
