package io.waymark.scenarios.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A trigger row; {@code matchValue} is the option the engine looks triggers up by (V9). */
@Entity
@Table(name = "scenario_triggers")
public class ScenarioTrigger {

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

  @Column(name = "event_code", nullable = false)
  private String eventCode;

  @Column(name = "match_value")
  private String matchValue;

  @Column(nullable = false)
  private String options = "{}";

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected ScenarioTrigger() {}

  public ScenarioTrigger(long scenarioId, UUID uuid) {
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

  public String getEventCode() {
    return eventCode;
  }

  public void setEventCode(String eventCode) {
    this.eventCode = eventCode;
  }

  public String getMatchValue() {
    return matchValue;
  }

  public void setMatchValue(String matchValue) {
    this.matchValue = matchValue;
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
