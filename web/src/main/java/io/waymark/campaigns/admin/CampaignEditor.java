package io.waymark.campaigns.admin;

import io.waymark.campaigns.boundary.BannerPosition;
import io.waymark.campaigns.boundary.CampaignChange;
import io.waymark.campaigns.boundary.CampaignStatus;
import io.waymark.campaigns.boundary.CampaignView;
import io.waymark.campaigns.boundary.Campaigns;
import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.segments.boundary.SegmentView;
import io.waymark.segments.boundary.Segments;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creating a campaign ({@code edit.xhtml} without {@code id}) or editing one ({@code ?id=}): name,
 * status, schedule (UTC), include / exclude segments, display cap, and the banners with a live
 * preview. Validation is the boundary's ({@link Campaigns}); its field errors are shown with the
 * form's labels. Editors and admins save; viewers read.
 */
@Named
@ViewScoped
public class CampaignEditor implements Serializable {

  private static final long serialVersionUID = 1L;
  static final Map<String, String> LABELS =
      Map.of(
          "name",
          "Name",
          "status",
          "Status",
          "starts_at",
          "Starts",
          "ends_at",
          "Ends",
          "include_segments",
          "Show to",
          "exclude_segments",
          "Never show to",
          "max_displays_per_user",
          "Displays per user",
          "banners",
          "Banners");
  private static final Set<String> ALL_FIELDS =
      Set.of(
          CampaignChange.NAME,
          CampaignChange.STATUS,
          CampaignChange.STARTS_AT,
          CampaignChange.ENDS_AT,
          CampaignChange.INCLUDE,
          CampaignChange.EXCLUDE,
          CampaignChange.MAX_DISPLAYS,
          CampaignChange.BANNERS);

  @Inject Campaigns campaigns;

  @Inject Segments segments;

  @Inject ConsoleUser console;

  private String id;
  private CampaignView campaign;
  private boolean missing;
  private String name;
  private String status = CampaignStatus.DRAFT.id();
  private LocalDateTime startsAt;
  private LocalDateTime endsAt;
  private List<String> include = new ArrayList<>();
  private List<String> exclude = new ArrayList<>();
  private Integer maxDisplays;
  private List<BannerRow> banners = new ArrayList<>();
  private List<SegmentView> segmentChoices;

  public void load() {
    segmentChoices = segments.list(null);
    if (id == null || id.isBlank()) {
      banners.add(new BannerRow());
      return;
    }
    try {
      show(campaigns.find(Long.parseLong(id.strip())));
    } catch (NumberFormatException | WaymarkException e) {
      missing = true;
      Messages.error("Campaign '" + id + "' not found.");
    }
  }

  /**
   * Saves and reopens the campaign; stays on the form with one message per problem when something
   * is wrong.
   */
  public String save() {
    if (missing || !console.mayEdit()) {
      return null;
    }
    CampaignChange change =
        new CampaignChange(
            ALL_FIELDS,
            name,
            status,
            utc(startsAt),
            utc(endsAt),
            List.copyOf(include),
            List.copyOf(exclude),
            maxDisplays,
            banners.stream().map(BannerRow::change).toList());
    try {
      CampaignView saved =
          campaign == null ? campaigns.create(change) : campaigns.update(campaign.id(), change);
      Messages.info(campaign == null ? "Campaign '" + saved.name() + "' created." : "Saved.");
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      return "/admin/campaigns/edit.xhtml?faces-redirect=true&id=" + saved.id();
    } catch (WaymarkException e) {
      Messages.error(e, LABELS);
      return null;
    }
  }

  /** Adds an empty banner to the form; nothing for a user who may not edit campaigns. */
  public void addBanner() {
    if (console.isCanEdit()) {
      banners.add(new BannerRow());
    }
  }

  /** Removes a banner from the form; nothing for a user who may not edit campaigns. */
  public void removeBanner(int index) {
    if (console.isCanEdit() && index >= 0 && index < banners.size()) {
      banners.remove(index);
    }
  }

  private void show(CampaignView view) {
    campaign = view;
    name = view.name();
    status = view.status().id();
    startsAt = local(view.startsAt());
    endsAt = local(view.endsAt());
    include = new ArrayList<>(view.includeSegments());
    exclude = new ArrayList<>(view.excludeSegments());
    maxDisplays = view.maxDisplaysPerUser();
    banners = new ArrayList<>(view.banners().stream().map(BannerRow::of).toList());
  }

  private static Instant utc(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }

  private static LocalDateTime local(Instant time) {
    return time == null ? null : LocalDateTime.ofInstant(time, ZoneOffset.UTC);
  }

  public boolean isCreating() {
    return campaign == null && !missing;
  }

  public boolean isMissing() {
    return missing;
  }

  public CampaignView getCampaign() {
    return campaign;
  }

  public List<String> getStatuses() {
    return Arrays.stream(CampaignStatus.values()).map(CampaignStatus::id).toList();
  }

  public List<String> getPositions() {
    return Arrays.stream(BannerPosition.values()).map(BannerPosition::id).toList();
  }

  public List<SegmentView> getSegmentChoices() {
    return segmentChoices;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public LocalDateTime getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(LocalDateTime startsAt) {
    this.startsAt = startsAt;
  }

  public LocalDateTime getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(LocalDateTime endsAt) {
    this.endsAt = endsAt;
  }

  public List<String> getInclude() {
    return include;
  }

  public void setInclude(List<String> include) {
    this.include = include == null ? new ArrayList<>() : new ArrayList<>(include);
  }

  public List<String> getExclude() {
    return exclude;
  }

  public void setExclude(List<String> exclude) {
    this.exclude = exclude == null ? new ArrayList<>() : new ArrayList<>(exclude);
  }

  public Integer getMaxDisplays() {
    return maxDisplays;
  }

  public void setMaxDisplays(Integer maxDisplays) {
    this.maxDisplays = maxDisplays;
  }

  public List<BannerRow> getBanners() {
    return banners;
  }
}
