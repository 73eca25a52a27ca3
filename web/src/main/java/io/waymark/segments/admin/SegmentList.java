package io.waymark.segments.admin;

import io.waymark.platform.admin.Messages;
import io.waymark.segments.boundary.SegmentGroup;
import io.waymark.segments.boundary.SegmentView;
import io.waymark.segments.boundary.Segments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The segments list, optionally narrowed to one group (GET parameter {@code group}, bookmarkable).
 * Unpaged, like the segments API's list: a business keeps tens or hundreds of segments; the members
 * are what is large, and they are paged on the segment's page.
 */
@Named
@RequestScoped
public class SegmentList {

  @Inject Segments segments;

  private String group;
  private List<SegmentGroup> groups;
  private List<SegmentView> items;

  public void load() {
    groups = segments.groups();
    String chosen = group == null || group.isBlank() ? null : group.strip();
    if (chosen != null && groups.stream().noneMatch(g -> g.code().equals(chosen))) {
      Messages.error("There is no segment group '" + chosen + "'; showing every group.");
      group = null;
      items = segments.list(null);
      return;
    }
    items = segments.list(chosen);
  }

  public String lockedReason(SegmentView segment) {
    return LockedSegments.reason(segment);
  }

  public List<SegmentView> getItems() {
    return items;
  }

  public List<SegmentGroup> getGroups() {
    return groups;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }
}
