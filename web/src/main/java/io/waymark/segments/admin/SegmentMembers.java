package io.waymark.segments.admin;

import io.waymark.platform.admin.KeysetPage;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.segments.boundary.SegmentMember;
import io.waymark.segments.boundary.SegmentView;
import io.waymark.segments.boundary.Segments;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * A segment's members on its page, {@value #PAGE_SIZE} at a time by user id (GET parameters {@code
 * members-after} / {@code members-before}): the segment's own SQL with a keyset on the users'
 * primary key, never a count or an offset.
 */
@Named
@RequestScoped
public class SegmentMembers {

  static final int PAGE_SIZE = 25;

  @Inject Segments segments;

  private String after;
  private String before;
  private KeysetPage<SegmentMember> page;

  /** Loads the page of the page's segment (nothing when it was not found). */
  public void load(SegmentView segment) {
    if (segment == null) {
      return;
    }
    String code = segment.code();
    try {
      page = read(code);
    } catch (WaymarkException | EJBException e) {
      Messages.error(
          "The members cannot be listed: "
              + (e instanceof WaymarkException w ? w.getMessage() : SegmentDetail.cause(e)));
      return;
    }
    if (page.getProblem() != null) {
      Messages.error(page.getProblem());
    }
  }

  private KeysetPage<SegmentMember> read(String code) {
    return KeysetPage.load(
        after,
        before,
        PAGE_SIZE,
        new KeysetPage.Source<>() {
          @Override
          public List<SegmentMember> after(Long afterId, int limit) {
            return segments.members(code, afterId, limit);
          }

          @Override
          public List<SegmentMember> before(long beforeId, int limit) {
            return segments.membersBefore(code, beforeId, limit);
          }
        },
        SegmentMember::id);
  }

  public KeysetPage<SegmentMember> getPage() {
    return page;
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = after;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }
}
