import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for POST /api/v1/onboarding-goals/complete over distinct users, for a fixed duration.
 * <ul>
 *   <li>{@code closed C}: C clients each sending the next request when the previous answered — the saturation
 *       throughput, comparable with pgbench's closed loop;</li>
 *   <li>{@code open R}: requests started on a fixed schedule of R per second whatever the latency (latency counted
 *       from the scheduled start, so a server that falls behind shows it instead of hiding it).</li>
 * </ul>
 * Prints throughput, p50/p95/p99/max and errors.
 *
 * java src/bench/CompleteLoad.java BASE_URL TOKEN GOAL_CODE FIRST_USER_ID USER_COUNT closed|open C|R SECONDS
 */
public class CompleteLoad {

  static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();
  static final AtomicInteger ERRORS = new AtomicInteger();
  static final AtomicLong NEXT = new AtomicLong();

  public static void main(String[] args) throws Exception {
    if (args.length < 8) {
      System.err.println("usage: CompleteLoad BASE_URL TOKEN GOAL_CODE FIRST_USER_ID USER_COUNT closed|open C|R SECONDS");
      System.exit(2);
    }
    String base = args[0];
    String token = args[1];
    String goal = args[2];
    long firstUser = Long.parseLong(args[3]);
    int users = Integer.parseInt(args[4]);
    boolean closed = args[5].equals("closed");
    int level = Integer.parseInt(args[6]);
    int seconds = Integer.parseInt(args[7]);

    int threads = closed ? level : Math.max(16, level / 10);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(Math.min(threads, 64))).build();
    URI uri = URI.create(base + "/api/v1/onboarding-goals/complete");
    for (int i = 0; i < 500; i++) { // warm-up, not measured
      send(client, uri, token, goal, firstUser + (i % users));
    }
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    if (closed) {
      for (int c = 0; c < level; c++) {
        workers.execute(() -> {
          while (System.nanoTime() < end) {
            one(client, uri, token, goal, firstUser + (NEXT.getAndIncrement() % users), System.nanoTime());
          }
        });
      }
    } else {
      long interval = 1_000_000_000L / level;
      for (long due = start; due < end; due += interval) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        long scheduled = due;
        workers.execute(() -> one(client, uri, token, goal, firstUser + (NEXT.getAndIncrement() % users), scheduled));
      }
    }
    workers.shutdown();
    if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
      System.out.println("note: requests still queued 60 s after the end were abandoned (server far behind the offered rate)");
      workers.shutdownNow();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = LATENCIES.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("mode=%s level=%d requests=%d errors=%d elapsed_s=%.1f throughput_rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
        closed ? "closed" : "open", level, sorted.length, ERRORS.get(), elapsed, sorted.length / elapsed, pct(sorted, 50),
        pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    System.exit(0);
  }

  static void one(HttpClient client, URI uri, String token, String goal, long user, long startedAt) {
    try {
      if (send(client, uri, token, goal, user) != 200) {
        ERRORS.incrementAndGet();
      }
    } catch (Exception e) {
      ERRORS.incrementAndGet();
    } finally {
      LATENCIES.add(System.nanoTime() - startedAt);
    }
  }

  static int send(HttpClient client, URI uri, String token, String goal, long user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"goal_code\":\"" + goal + "\",\"user_id\":" + user + "}")).build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }
}
