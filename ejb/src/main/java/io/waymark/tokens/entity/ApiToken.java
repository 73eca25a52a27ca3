package io.waymark.tokens.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "api_tokens")
public class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false)
  private byte[] tokenHash;

  private boolean active = true;

  @Column(name = "ip_restrictions", nullable = false)
  private String ipRestrictions = "*";

  @Column(name = "all_resources")
  private boolean allResources;

  private boolean bootstrap;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "api_token_resources", joinColumns = @JoinColumn(name = "api_token_id"))
  @Column(name = "resource")
  private Set<String> resources = new TreeSet<>();

  protected ApiToken() {}

  public ApiToken(String name, byte[] tokenHash, Instant now) {
    this.name = name;
    this.tokenHash = tokenHash;
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

  public void setTokenHash(byte[] tokenHash) {
    this.tokenHash = tokenHash;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String getIpRestrictions() {
    return ipRestrictions;
  }

  public void setIpRestrictions(String ipRestrictions) {
    this.ipRestrictions = ipRestrictions;
  }

  public boolean isAllResources() {
    return allResources;
  }

  public void setAllResources(boolean allResources) {
    this.allResources = allResources;
  }

  public boolean isBootstrap() {
    return bootstrap;
  }

  public void setBootstrap(boolean bootstrap) {
    this.bootstrap = bootstrap;
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

  public Set<String> getResources() {
    return resources;
  }
}
