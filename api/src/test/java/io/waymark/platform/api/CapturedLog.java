package io.waymark.platform.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one class logs through {@code System.Logger}, which outside a server is backed by
 * java.util.logging: lets a test see that an incident id really reaches the log with its stack
 * trace.
 */
final class CapturedLog extends Handler implements AutoCloseable {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private CapturedLog(Logger logger) {
    this.logger = logger;
  }

  static CapturedLog of(Class<?> source) {
    CapturedLog log = new CapturedLog(Logger.getLogger(source.getName()));
    log.logger.addHandler(log);
    return log;
  }

  List<LogRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
