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
 * Load generator for POST /api/v1/onboarding-goals/complete over distinct users, for a fixed duration.
 * <ul>
 *   <li>{@code closed C}: C connections each sending the next request when the previous answered — the saturation
 *       throughput, comparable with pgbench's closed loop;</li>
 *   <li>{@code open R}: requests scheduled at a fixed R per second whatever the latency, served by up to 64
 *       connections; latency is counted from the scheduled start, so a server that falls behind shows it instead of
 *       hiding it (no coordinated omission).</li>
 * </ul>
 * Prints throughput, p50/p95/p99/max and errors. It speaks HTTP/1.1 over plain keep-alive sockets with
 * pre-formatted requests: it shares the machine with the server and PostgreSQL, so it must cost as little CPU as
 * pgbench does (Java's HttpClient cost as much CPU as the server it measured).
 *
 * java src/bench/CompleteLoad.java BASE_URL TOKEN GOAL_CODE FIRST_USER_ID USER_COUNT closed|open C|R SECONDS
 */
public class CompleteLoad {

  static final AtomicInteger ERRORS = new AtomicInteger();
  static final AtomicLong NEXT = new AtomicLong();
  static final long STOP = -1;

  public static void main(String[] args) throws Exception {
    if (args.length < 8) {
      System.err.println("usage: CompleteLoad BASE_URL TOKEN GOAL_CODE FIRST_USER_ID USER_COUNT closed|open C|R SECONDS");
      System.exit(2);
    }
    URI base = URI.create(args[0]);
    String token = args[1];
    String goal = args[2];
    long firstUser = Long.parseLong(args[3]);
    int users = Integer.parseInt(args[4]);
    boolean closed = args[5].equals("closed");
    int level = Integer.parseInt(args[6]);
    int seconds = Integer.parseInt(args[7]);
    Target target = new Target(base, token, goal, firstUser, users);

    Connection warm = new Connection(target);
    for (int i = 0; i < 500; i++) { // warm-up, not measured
      warm.complete();
    }
    warm.close();

    int connections = closed ? level : 64;
    BlockingQueue<Long> schedule = new LinkedBlockingQueue<>();
    List<Worker> workers = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (int c = 0; c < connections; c++) {
      Worker w = new Worker(new Connection(target), closed ? null : schedule, end);
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
    long abandonAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (Worker w : workers) {
      w.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(abandonAt - System.nanoTime())));
    }
    if (workers.stream().anyMatch(Thread::isAlive)) {
      System.out.println("note: requests still queued 60 s after the end were abandoned (server far behind the offered rate)");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = workers.stream().flatMapToLong(w -> w.latencies.stream().mapToLong(Long::longValue)).sorted().toArray();
    System.out.printf("mode=%s level=%d requests=%d errors=%d elapsed_s=%.1f throughput_rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
        closed ? "closed" : "open", level, sorted.length, ERRORS.get(), elapsed, sorted.length / elapsed, pct(sorted, 50),
        pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    System.exit(0);
  }

  record Target(URI base, String token, String goal, long firstUser, int users) {
    byte[] request(long user) {
      String body = "{\"goal_code\":\"" + goal + "\",\"user_id\":" + user + "}";
      return ("POST /api/v1/onboarding-goals/complete HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    long nextUser() {
      return firstUser + (NEXT.getAndIncrement() % users);
    }
  }

  static final class Worker extends Thread {
    final List<Long> latencies = new ArrayList<>();
    private final Connection connection;
    private final BlockingQueue<Long> schedule;
    private final long end;

    Worker(Connection connection, BlockingQueue<Long> schedule, long end) {
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
          if (!connection.complete()) {
            ERRORS.incrementAndGet();
          }
          latencies.add(System.nanoTime() - startedAt);
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

    /** Sends one complete for the next user; true when the answer was 200. */
    boolean complete() {
      try {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(target.base().getHost(), target.base().getPort()), 5000);
          socket.setSoTimeout(30_000);
          in = new BufferedInputStream(socket.getInputStream(), 8192);
          out = socket.getOutputStream();
        }
        out.write(target.request(target.nextUser()));
        out.flush();
        return readResponse() == 200;
      } catch (IOException e) {
        close();
        return false;
      }
    }

    private int readResponse() throws IOException {
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
      if (chunked) {
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
          skip(size);
          line();
        }
        line();
      } else if (length > 0) {
        skip(length);
      }
      if (closeAfter) {
        close();
      }
      return code;
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

    private void skip(int n) throws IOException {
      for (long left = n; left > 0; ) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed");
          }
          skipped = 1;
        }
        left -= skipped;
      }
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
