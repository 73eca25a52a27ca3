package io.waymark.platform.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers new items right after their transaction committed, on the default managed executor
 * (never on the committing thread: the caller's answer does not wait for SMTP or HTTP). Uses no
 * transactional resource itself (JTA is finished where it is called). An item the executor refuses
 * or a server that dies first leaves the item pending for the sweep.
 */
@ApplicationScoped
public class OutboxHandoff {

  private static final System.Logger LOG = System.getLogger(OutboxHandoff.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject OutboxDispatch dispatch;

  void deliverSoon(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<Long> copy = List.copyOf(ids);
    try {
      executor.execute(() -> dispatch.deliverNow(copy));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.DEBUG, "Outbox hand-off refused ({0}); the sweep delivers", e.getMessage());
    }
  }
}
