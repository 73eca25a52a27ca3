import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator and latency probe for the Waymark API, for the benchmarks in this folder:
 *
 * <ul>
 *   <li>{@code complete}: POST /api/v1/onboarding-goals/complete of one goal over distinct users;
 *   <li>{@code check}: GET /api/v1/user-segments/check of one segment over distinct users;
 *   <li>{@code static}: GET of one path given in place of the goal or segment (a static file: the
 *       server's floor);
 *   <li>{@code banner-gone}: for each user of a file (one id per line; users without a row of the
 *       goal), assigns the goal through the API, waits until the campaign's banner is returned,
 *       completes the goal, then polls the banners until it is gone, and reports the time from the
 *       complete's 200 answer to the first banners answer without it (the first 20 users warm up
 *       and are not counted);
 *   <li>{@code journey} (journey.sh): completes the goal of each user of a file once the user is
 *       ready — a command (psql) printing the ready user ids is run every 200 ms —, with C
 *       connections taking the ready users as they come (up to BATCH per request: 1 = {@code
 *       complete}, more = {@code complete-batch}), and writes {@code user,epoch_seconds} of the 200
 *       answer for every n-th user (the latency samples).
 * </ul>
 *
 * Load modes: {@code closed C}: C connections each sending the next request when the previous
 * answered — the saturation throughput, comparable with pgbench's closed loop; {@code open R}:
 * requests scheduled at a fixed R per second whatever the latency, served by up to 64 connections;
 * latency counts from the scheduled start, so a server that falls behind shows it (no coordinated
 * omission). Prints throughput, p50/p95/p99/max and errors; in open mode also the percentiles from
 * the moment the request was sent, which leave out the generator's own wake-up (its scheduler
 * sleeping until the start, then handing the request to a connection's thread). It speaks HTTP/1.1
 * over plain keep-alive sockets with pre-formatted requests: it shares the machine with the server
 * and PostgreSQL, so it must cost as little CPU as pgbench does (Java's HttpClient cost as much CPU
 * as the server it measured).
 *
 * <p>java src/bench/ApiLoad.java complete|check|static BASE_URL TOKEN GOAL_OR_SEGMENT FIRST_USER_ID
 * USER_COUNT closed|open C|R SECONDS java src/bench/ApiLoad.java banner-gone BASE_URL TOKEN
 * GOAL_CODE CAMPAIGN_ID USER_IDS_FILE java src/bench/ApiLoad.java journey BASE_URL TOKEN GOAL_CODE
 * USER_IDS_FILE OUT_CSV C SAMPLES BATCH READY_COMMAND...
 */
public class ApiLoad {

  static final AtomicInteger ERRORS = new AtomicInteger();
  static final AtomicLong NEXT = new AtomicLong();
  static final long STOP = -1;

  public static void main(String[] args) throws Exception {
    if (args.length >= 10 && args[0].equals("journey")) {
      journey(args);
      return;
    }
    if (args.length >= 6 && args[0].equals("banner-gone")) {
      long[] users =
          java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[5])).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .mapToLong(Long::parseLong)
              .toArray();
      bannerGone(
          new Target(args[0], URI.create(args[1]), args[2], args[3], 0, 0),
          Long.parseLong(args[4]),
          users);
      return;
    }
    if (args.length < 9) {
      System.err.println(
          "usage: ApiLoad complete|check BASE_URL TOKEN GOAL_OR_SEGMENT FIRST_USER_ID USER_COUNT closed|open C|R SECONDS");
      System.err.println(
          "       ApiLoad banner-gone BASE_URL TOKEN GOAL_CODE CAMPAIGN_ID USER_IDS_FILE");
      System.exit(2);
    }
    Target target =
        new Target(
            args[0],
            URI.create(args[1]),
            args[2],
            args[3],
            Long.parseLong(args[4]),
            Integer.parseInt(args[5]));
    boolean closed = args[6].equals("closed");
    int level = Integer.parseInt(args[7]);
    int seconds = Integer.parseInt(args[8]);

    Connection warm = new Connection(target);
    for (int i = 0; i < 500; i++) { // warm-up, not measured
      warm.send(target.request(target.nextUser()));
    }
    warm.close();

    int connections = closed ? level : 64;
    BlockingQueue<Long> schedule = new LinkedBlockingQueue<>();
    List<Worker> workers = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (int c = 0; c < connections; c++) {
      Worker w = new Worker(target, new Connection(target), closed ? null : schedule, end);
      workers.add(w);
      w.start();
    }
    if (!closed) {
      long interval = 1_000_000_000L / level;
      for (long due = start; due < end; due += interval) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        schedule.add(due);
      }
      for (int c = 0; c < connections; c++) {
        schedule.add(STOP);
      }
    }
    long abandonAt = Math.max(end, System.nanoTime()) + TimeUnit.SECONDS.toNanos(60);
    for (Worker w : workers) {
      w.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(abandonAt - System.nanoTime())));
    }
    if (workers.stream().anyMatch(Thread::isAlive)) {
      System.out.println(
          "note: requests still queued 60 s after the end were abandoned (server far behind the offered rate)");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted =
        workers.stream()
            .flatMapToLong(w -> w.latencies.stream().mapToLong(Long::longValue))
            .sorted()
            .toArray();
    System.out.printf(
        "%s mode=%s level=%d requests=%d errors=%d elapsed_s=%.1f throughput_rps=%.0f %s%n",
        target.kind(),
        closed ? "closed" : "open",
        level,
        sorted.length,
        ERRORS.get(),
        elapsed,
        sorted.length / elapsed,
        percentiles(sorted));
    if (!closed) {
      long[] service =
          workers.stream()
              .flatMapToLong(w -> w.serviceTimes.stream().mapToLong(Long::longValue))
              .sorted()
              .toArray();
      System.out.printf(
          "  from the send (without the load generator's own wake-up to send): %s%n",
          percentiles(service));
    }
    System.exit(0);
  }

  /** The journey's completions: each user's once ready, sampled answers written to a file. */
  static void journey(String[] args) throws Exception {
    Target target = new Target("complete", URI.create(args[1]), args[2], args[3], 0, 0);
    List<String> users =
        java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[4])).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    int clients = Integer.parseInt(args[6]);
    int every = Math.max(1, users.size() / Integer.parseInt(args[7]));
    // BATCH users per request: 1 = POST complete, more = POST complete-batch
    int batch = Math.max(1, Integer.parseInt(args[8]));
    List<String> ready = List.of(args).subList(9, args.length);
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      index.put(users.get(i), i);
    }
    BlockingQueue<String> work = new LinkedBlockingQueue<>();
    List<String> answered = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread w =
          new Thread(
              () -> {
                Connection connection = new Connection(target);
                try {
                  boolean stop = false;
                  while (!stop) {
                    List<String> taken = new ArrayList<>();
                    taken.add(work.take());
                    work.drainTo(taken, batch - 1);
                    stop = taken.remove("");
                    if (stop) {
                      work.add(""); // the others' stop
                    }
                    if (taken.isEmpty()) {
                      continue;
                    }
                    byte[] request =
                        batch == 1
                            ? target.request(Long.parseLong(taken.get(0)))
                            : target.post(
                                "/api/v1/onboarding-goals/complete-batch",
                                taken.stream()
                                    .map(
                                        u ->
                                            "{\"goal_code\":\""
                                                + target.code()
                                                + "\",\"user_id\":"
                                                + u
                                                + "}")
                                    .collect(
                                        java.util.stream.Collectors.joining(
                                            ",", "{\"items\":[", "]}")));
                    Response r = connection.send(request);
                    if (r.status() != 200 || r.body().contains("\"error\"")) {
                      ERRORS.addAndGet(taken.size());
                      continue;
                    }
                    java.time.Instant now = java.time.Instant.now();
                    String at = now.getEpochSecond() + "." + String.format("%09d", now.getNano());
                    taken.stream()
                        .filter(u -> index.get(u) % every == 0)
                        .forEach(u -> answered.add(u + "," + at));
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  connection.close();
                }
              });
      w.start();
      workers.add(w);
    }
    java.util.Set<String> todo = new java.util.HashSet<>(users);
    while (!todo.isEmpty()) {
      Process p = new ProcessBuilder(ready).redirectErrorStream(false).start();
      List<String> now;
      try (var out =
          new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
        now = out.lines().map(String::strip).filter(todo::contains).toList();
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException("the ready command failed: " + ready);
      }
      now.forEach(
          u -> {
            todo.remove(u);
            work.add(u);
          });
      if (!todo.isEmpty()) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
    work.add(""); // passed on from worker to worker
    for (Thread w : workers) {
      w.join();
    }
    java.nio.file.Files.write(java.nio.file.Path.of(args[5]), answered);
    if (ERRORS.get() > 0) {
      System.err.println(ERRORS.get() + " completions failed");
      System.exit(1);
    }
  }

  /** Complete → banner gone, per user, measured from the complete's answer. */
  static void bannerGone(Target target, long campaignId, long[] users) throws Exception {
    Connection c = new Connection(target);
    String marker = "\"campaign_id\":" + campaignId;
    long[] gone = new long[users.length];
    int[] polls = new int[users.length];
    for (int i = 0; i < users.length; i++) {
      long user = users[i];
      expect(
          c.send(
              target.post(
                  "/api/v1/onboarding-goals/assign",
                  "{\"goal_code\":\"" + target.code() + "\",\"user_id\":" + user + "}")),
          200,
          "assign");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!c.send(target.get("/api/v1/campaigns/banners?user_id=" + user))
          .body()
          .contains(marker)) {
        if (System.nanoTime() > until) {
          throw new IllegalStateException(
              "user " + user + " never got the banner of campaign " + campaignId);
        }
      }
      expect(
          c.send(
              target.post(
                  "/api/v1/onboarding-goals/complete",
                  "{\"goal_code\":\"" + target.code() + "\",\"user_id\":" + user + "}")),
          200,
          "complete");
      long answered = System.nanoTime();
      int n = 0;
      while (true) {
        n++;
        Response r =
            expect(c.send(target.get("/api/v1/campaigns/banners?user_id=" + user)), 200, "banners");
        if (!r.body().contains(marker)) {
          gone[i] = System.nanoTime() - answered;
          polls[i] = n;
          break;
        }
        if (System.nanoTime() - answered > TimeUnit.SECONDS.toNanos(10)) {
          throw new IllegalStateException(
              "the banner did not go away within 10 s for user " + user);
        }
      }
    }
    c.close();
    int warm = Math.min(20, users.length / 2);
    long[] sorted = java.util.Arrays.copyOfRange(gone, warm, gone.length);
    java.util.Arrays.sort(sorted);
    System.out.printf(
        "banner-gone users=%d gone_on_first_call=%d %s%n",
        sorted.length,
        java.util.Arrays.stream(polls, warm, polls.length).filter(p -> p == 1).count(),
        percentiles(sorted));
  }

  static Response expect(Response r, int status, String what) {
    if (r.status() != status) {
      throw new IllegalStateException(what + " answered " + r.status() + ": " + r.body());
    }
    return r;
  }

  static String percentiles(long[] sorted) {
    return String.format(
        "p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f",
        pct(sorted, 50),
        pct(sorted, 95),
        pct(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  record Target(String kind, URI base, String token, String code, long firstUser, int users) {
    byte[] request(long user) {
      return switch (kind) {
        case "check" ->
            get(
                "/api/v1/user-segments/check?code="
                    + code
                    + "&resolver_type=id&resolver_value="
                    + user);
        case "static" ->
            get(code); // a path on the server: the floor of a request without the application
        default ->
            post(
                "/api/v1/onboarding-goals/complete",
                "{\"goal_code\":\"" + code + "\",\"user_id\":" + user + "}");
      };
    }

    byte[] post(String path, String body) {
      return ("POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + base.getHost()
              + ":"
              + base.getPort()
              + "\r\nAuthorization: Bearer "
              + token
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length()
              + "\r\n\r\n"
              + body)
          .getBytes(StandardCharsets.US_ASCII);
    }

    byte[] get(String pathAndQuery) {
      return ("GET "
              + pathAndQuery
              + " HTTP/1.1\r\nHost: "
              + base.getHost()
              + ":"
              + base.getPort()
              + "\r\nAuthorization: Bearer "
              + token
              + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
    }

    long nextUser() {
      return firstUser + (NEXT.getAndIncrement() % users);
    }
  }

  record Response(int status, String body) {}

  static final class Worker extends Thread {
    final List<Long> latencies = new ArrayList<>();
    final List<Long> serviceTimes = new ArrayList<>();
    private final Target target;
    private final Connection connection;
    private final BlockingQueue<Long> schedule;
    private final long end;

    Worker(Target target, Connection connection, BlockingQueue<Long> schedule, long end) {
      this.target = target;
      this.connection = connection;
      this.schedule = schedule;
      this.end = end;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        while (true) {
          long startedAt;
          if (schedule == null) {
            startedAt = System.nanoTime();
            if (startedAt >= end) {
              break;
            }
          } else {
            startedAt = schedule.take();
            if (startedAt == STOP) {
              break;
            }
          }
          long sentAt = System.nanoTime();
          if (connection.send(target.request(target.nextUser())).status() != 200) {
            ERRORS.incrementAndGet();
          }
          long answeredAt = System.nanoTime();
          latencies.add(answeredAt - startedAt);
          if (schedule != null) { // in closed mode the send is the start: the same figure
            serviceTimes.add(answeredAt - sentAt);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        connection.close();
      }
    }
  }

  /** One keep-alive HTTP/1.1 connection; reconnects after a failure. */
  static final class Connection {
    private final Target target;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Connection(Target target) {
      this.target = target;
    }

    /** Sends one request; a failed connection answers status 0 (and reconnects next time). */
    Response send(byte[] request) {
      try {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(
              new InetSocketAddress(target.base().getHost(), target.base().getPort()), 5000);
          socket.setSoTimeout(30_000);
          in = new BufferedInputStream(socket.getInputStream(), 8192);
          out = socket.getOutputStream();
        }
        out.write(request);
        out.flush();
        return readResponse();
      } catch (IOException e) {
        close();
        return new Response(0, e.toString());
      }
    }

    private Response readResponse() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
      int length = -1;
      boolean chunked = false;
      boolean closeAfter = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase();
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closeAfter = true;
        }
      }
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      if (chunked) {
        for (int size = Integer.parseInt(line().trim(), 16);
            size > 0;
            size = Integer.parseInt(line().trim(), 16)) {
          body.write(in.readNBytes(size));
          line();
        }
        line();
      } else if (length > 0) {
        body.write(in.readNBytes(length));
      }
      if (closeAfter) {
        close();
      }
      return new Response(code, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      StringBuilder b = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          b.append((char) c);
        }
      }
      return b.toString();
    }

    void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }

  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }
}
