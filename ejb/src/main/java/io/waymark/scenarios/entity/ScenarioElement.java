package io.waymark.scenarios.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An element row; {@code options} is the type's options object without descendants (V9). */
@Entity
@Table(name = "scenario_elements")
public class ScenarioElement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "scenario_id", nullable = false, updatable = false)
  private long scenarioId;

  @Column(nullable = false, updatable = false)
  private UUID uuid;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String type;

  @Column(nullable = false)
  private String options = "{}";

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected ScenarioElement() {}

  public ScenarioElement(long scenarioId, UUID uuid) {
    this.scenarioId = scenarioId;
    this.uuid = uuid;
  }

  public Long getId() {
    return id;
  }

  public long getScenarioId() {
    return scenarioId;
  }

  public UUID getUuid() {
    return uuid;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getOptions() {
    return options;
  }

  public void setOptions(String options) {
    this.options = options;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }

  public void setDeletedAt(Instant deletedAt) {
    this.deletedAt = deletedAt;
  }
}
