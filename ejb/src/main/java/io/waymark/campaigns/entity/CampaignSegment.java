package io.waymark.campaigns.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A target segment of a campaign, by code: included, or excluded. */
@Embeddable
public class CampaignSegment {

  @Column(name = "segment_code", nullable = false)
  private String code;

  @Column(nullable = false)
  private boolean excluded;

  protected CampaignSegment() {}

  public CampaignSegment(String code, boolean excluded) {
    this.code = code;
    this.excluded = excluded;
  }

  public String getCode() {
    return code;
  }

  public boolean isExcluded() {
    return excluded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CampaignSegment s && s.code.equals(code) && s.excluded == excluded;
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, excluded);
  }
}
