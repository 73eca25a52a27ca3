package io.waymark.scenarios.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "scenarios")
public class Scenario {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private boolean enabled;

  /** The builder's layout: a JSON object of positions keyed by trigger / element uuid. */
  @Column(nullable = false)
  private String visual = "{}";

  @Column(name = "duplicated_from")
  private Long duplicatedFrom;

  @Column(name = "reentry_mode", nullable = false)
  private String reentryMode = "always";

  @Column(name = "reentry_days")
  private Integer reentryDays;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "restored_at")
  private Instant restoredAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected Scenario() {}

  public Scenario(Instant now) {
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getVisual() {
    return visual;
  }

  public void setVisual(String visual) {
    this.visual = visual;
  }

  public String getReentryMode() {
    return reentryMode;
  }

  public Integer getReentryDays() {
    return reentryDays;
  }

  /** {@code days} only with {@code after_days}. */
  public void setReentry(String mode, Integer days) {
    this.reentryMode = mode;
    this.reentryDays = days;
  }

  public Long getDuplicatedFrom() {
    return duplicatedFrom;
  }

  public void setDuplicatedFrom(Long duplicatedFrom) {
    this.duplicatedFrom = duplicatedFrom;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }

  public void setDeletedAt(Instant deletedAt) {
    this.deletedAt = deletedAt;
  }

  public Instant getRestoredAt() {
    return restoredAt;
  }

  public void setRestoredAt(Instant restoredAt) {
    this.restoredAt = restoredAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }
}
