package io.waymark.users.entity;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Queries on users shared by the users boundaries. */
@Dependent
public class UserRepository {

  @PersistenceContext EntityManager em;

  public Optional<User> byEmail(String email) {
    return em.createQuery("select u from User u where lower(u.email) = lower(:email)", User.class)
        .setParameter("email", email.strip())
        .getResultStream()
        .findFirst();
  }

  public Optional<User> byId(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }
}
