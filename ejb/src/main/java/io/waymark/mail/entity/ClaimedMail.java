package io.waymark.mail.entity;

/** A message claimed for sending; {@code attempts} already counts this attempt. */
public record ClaimedMail(
    long id, String recipient, String subject, String htmlBody, String textBody, int attempts) {}
