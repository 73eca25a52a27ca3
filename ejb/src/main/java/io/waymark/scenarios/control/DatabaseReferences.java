package io.waymark.scenarios.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link References} looked up in the caller's transaction. */
@Dependent
public class DatabaseReferences implements References {

  @PersistenceContext EntityManager em;

  @Override
  public boolean goalExists(String code) {
    return exists("select exists (select 1 from onboarding_goals where code = ?1)", code);
  }

  @Override
  public boolean segmentExists(String code) {
    return exists("select exists (select 1 from segments where code = ?1)", code);
  }

  @Override
  public boolean bannerExists(long id) {
    return exists("select exists (select 1 from campaign_banners where id = ?1)", id);
  }

  @Override
  public Boolean templateExists(String code) {
    return exists("select exists (select 1 from email_templates where code = ?1)", code);
  }

  private boolean exists(String sql, Object value) {
    return (Boolean) em.createNativeQuery(sql).setParameter(1, value).getSingleResult();
  }
}
