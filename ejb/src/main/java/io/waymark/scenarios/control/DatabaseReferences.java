package io.waymark.scenarios.control;

import io.waymark.platform.criteria.SavedSegment;
import io.waymark.platform.http.OutboundHttp;
import io.waymark.scenarios.engine.control.References;
import io.waymark.segments.boundary.Segments;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link References} looked up in the caller's transaction. */
@Dependent
public class DatabaseReferences implements References {

  @PersistenceContext EntityManager em;

  @Inject OutboundHttp outbound;

  @Inject Segments segments;

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

  @Override
  public Optional<SavedSegment> savedSegment(String code) {
    return segments.savedSegment(code);
  }

  @Override
  public Optional<String> userFieldType(String code) {
    List<?> types =
        em.createNativeQuery("select type from user_field_definitions where code = ?1")
            .setParameter(1, code)
            .getResultList();
    return types.stream().findFirst().map(String.class::cast);
  }

  @Override
  public Optional<String> outboundProblem(String url) {
    return outbound.targetProblem(url);
  }

  private boolean exists(String sql, Object value) {
    return (Boolean) em.createNativeQuery(sql).setParameter(1, value).getSingleResult();
  }
}
