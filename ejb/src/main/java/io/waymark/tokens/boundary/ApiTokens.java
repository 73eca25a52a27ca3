package io.waymark.tokens.boundary;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.security.IpRestrictions;
import io.waymark.platform.security.SecretTokens;
import io.waymark.tokens.control.TokenGrants;
import io.waymark.tokens.entity.ApiToken;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Managing API tokens and authorising requests made with them. The caller supplies the names of the
 * resources that exist (the web tier's registry), so a grant can only name a real endpoint.
 */
@Stateless
public class ApiTokens {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject TokenGrants grants;

  public record Created(ApiTokenView token, String secret) {}

  public Created create(ApiTokenChange change, Set<String> knownResources) {
    List<FieldError> errors = new ArrayList<>();
    if (change.name() == null || change.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    }
    validate(change, knownResources, errors);
    String secret = SecretTokens.generate(SecretTokens.API_PREFIX);
    ApiToken token =
        new ApiToken(change.name().strip(), SecretTokens.hash(secret), clock.instant());
    apply(token, change);
    grants.forgetAfterCompletion();
    em.persist(token);
    em.flush();
    return new Created(ApiTokenView.of(token), secret);
  }

  public ApiTokenView update(long id, ApiTokenChange change, Set<String> knownResources) {
    List<FieldError> errors = new ArrayList<>();
    if (change.name() != null && change.name().isBlank()) {
      errors.add(new FieldError("name", "must not be blank"));
    }
    validate(change, knownResources, errors);
    ApiToken token = entity(id);
    grants.forgetAfterCompletion();
    apply(token, change);
    token.setUpdatedAt(clock.instant());
    return ApiTokenView.of(token);
  }

  public ApiTokenView find(long id) {
    return ApiTokenView.of(entity(id));
  }

  public List<ApiTokenView> page(Long afterId, int limit) {
    return em.createQuery(
            "select t from ApiToken t where t.id > :after order by t.id", ApiToken.class)
        .setParameter("after", afterId == null ? 0L : afterId)
        .setMaxResults(limit)
        .getResultStream()
        .map(ApiTokenView::of)
        .toList();
  }

  /**
   * Authorises one request: the token must exist, be active, allow the address and be granted the
   * resource. The reasons are the exact texts of the wire contract. Grants are remembered briefly
   * ({@link TokenGrants}), so a busy client costs no query per request; no transaction is needed.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ApiCaller authorize(String token, String address, String resource) {
    TokenGrants.Grant grant =
        grants
            .lookup(token, resource)
            .orElseThrow(() -> WaymarkException.notAuthorized("Token does not exist"));
    if (!grant.active()) {
      throw WaymarkException.notAuthorized("Token is not active");
    }
    if (!grant.addresses().allows(address)) {
      throw WaymarkException.notAuthorized("IP address " + address + " is not allowed");
    }
    if (!grant.granted()) {
      throw WaymarkException.notAuthorized("Token has no access to resource [" + resource + "]");
    }
    return new ApiCaller(grant.tokenId(), grant.tokenName());
  }

  /** Whether a token (already authorised for its endpoint) is also granted another resource. */
  public boolean granted(long tokenId, String resource) {
    return (Boolean)
        em.createNativeQuery(
                "select t.all_resources or exists (select 1 from api_token_resources r"
                    + " where r.api_token_id = t.id and r.resource = ?2) from api_tokens t where t.id = ?1")
            .setParameter(1, tokenId)
            .setParameter(2, resource)
            .getSingleResult();
  }

  /**
   * Makes the configured bootstrap value a token that reaches every resource; none configured
   * removes it.
   */
  public void configureBootstrap(String value) {
    ApiToken existing =
        em.createQuery("select t from ApiToken t where t.bootstrap = true", ApiToken.class)
            .getResultStream()
            .findFirst()
            .orElse(null);
    grants.forgetAfterCompletion();
    if (value == null || value.isBlank()) {
      if (existing != null) {
        em.remove(existing);
      }
      return;
    }
    ApiToken token = existing;
    if (token == null) {
      token =
          new ApiToken(
              "bootstrap (waymark.bootstrap.api-token)", SecretTokens.hash(value), clock.instant());
      token.setBootstrap(true);
      em.persist(token);
    }
    token.setTokenHash(SecretTokens.hash(value));
    token.setActive(true);
    token.setAllResources(true);
    token.setIpRestrictions("*");
  }

  private void validate(
      ApiTokenChange change, Set<String> knownResources, List<FieldError> errors) {
    if (change.name() != null && change.name().length() > 255) {
      errors.add(new FieldError("name", "must have at most 255 characters"));
    }
    if (change.ipRestrictions() != null) {
      try {
        IpRestrictions.parse(change.ipRestrictions());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("ip_restrictions", e.getMessage()));
      }
    }
    if (change.resources() != null) {
      int i = 0;
      for (String r : change.resources()) {
        if (!knownResources.contains(r)) {
          errors.add(new FieldError("resources[" + i + "]", "unknown resource '" + r + "'"));
        }
        i++;
      }
    }
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
  }

  private static void apply(ApiToken token, ApiTokenChange change) {
    if (change.name() != null) {
      token.setName(change.name().strip());
    }
    if (change.active() != null) {
      token.setActive(change.active());
    }
    if (change.ipRestrictions() != null) {
      token.setIpRestrictions(
          change.ipRestrictions().isBlank() ? "*" : change.ipRestrictions().strip());
    }
    if (change.resources() != null) {
      token.getResources().clear();
      token.getResources().addAll(change.resources());
    }
  }

  private ApiToken entity(long id) {
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null) {
      throw WaymarkException.notFound("api_token_not_found", "API token '" + id + "' not found");
    }
    return token;
  }

  /**
   * The keyset page just before {@code beforeId}, in ascending id order (the console's "previous
   * page").
   */
  public List<ApiTokenView> pageBefore(long beforeId, int limit) {
    List<ApiTokenView> page =
        new ArrayList<>(
            em.createQuery(
                    "select t from ApiToken t where t.id < :before order by t.id desc",
                    ApiToken.class)
                .setParameter("before", beforeId)
                .setMaxResults(limit)
                .getResultStream()
                .map(ApiTokenView::of)
                .toList());
    java.util.Collections.reverse(page);
    return page;
  }
}
