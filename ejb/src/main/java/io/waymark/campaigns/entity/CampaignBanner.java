package io.waymark.campaigns.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A banner of a campaign; {@code html} is operator-authored, stored as given and rendered by the
 * client.
 */
@Entity
@Table(name = "campaign_banners")
public class CampaignBanner {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "campaign_id", nullable = false, updatable = false)
  private Campaign campaign;

  @Column(nullable = false)
  private int sorting;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String position;

  private String text;

  private String html;

  @Column(name = "background_color")
  private String backgroundColor;

  @Column(name = "text_color")
  private String textColor;

  protected CampaignBanner() {}

  public CampaignBanner(Campaign campaign) {
    this.campaign = campaign;
  }

  public Long getId() {
    return id;
  }

  public Campaign getCampaign() {
    return campaign;
  }

  public int getSorting() {
    return sorting;
  }

  public void setSorting(int sorting) {
    this.sorting = sorting;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPosition() {
    return position;
  }

  public void setPosition(String position) {
    this.position = position;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getHtml() {
    return html;
  }

  public void setHtml(String html) {
    this.html = html;
  }

  public String getBackgroundColor() {
    return backgroundColor;
  }

  public void setBackgroundColor(String backgroundColor) {
    this.backgroundColor = backgroundColor;
  }

  public String getTextColor() {
    return textColor;
  }

  public void setTextColor(String textColor) {
    this.textColor = textColor;
  }
}
