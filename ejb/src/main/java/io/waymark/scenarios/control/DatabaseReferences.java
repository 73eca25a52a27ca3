package io.waymark.scenarios.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * {@link References} looked up in the caller's transaction. Email templates belong to the mail feature: they are
 * checked only when its {@code mail_templates} table exists.
 */
@Dependent
public class DatabaseReferences implements References {

  @PersistenceContext
  EntityManager em;

  private Boolean templates;

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
    if (templates == null) {
      templates = exists("select exists (select 1 from information_schema.columns where table_schema = current_schema()"
          + " and table_name = 'mail_templates' and column_name = ?1)", "code");
    }
    return templates ? exists("select exists (select 1 from mail_templates where code = ?1)", code) : null;
  }

  private boolean exists(String sql, Object value) {
    return (Boolean) em.createNativeQuery(sql).setParameter(1, value).getSingleResult();
  }
}
