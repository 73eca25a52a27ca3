/**
 * Mail: email templates (Pebble subject, HTML and text), an outbox written in the caller's
 * transaction with the message rendered at that moment as an item of the {@code mail} outbox
 * channel, sent through Jakarta Mail right after commit, the outbox's sweep retrying (ADR 0012, ADR
 * 0019).
 */
package io.waymark.mail;
