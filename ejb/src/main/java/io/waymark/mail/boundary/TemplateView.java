package io.waymark.mail.boundary;

import java.time.Instant;

/** An email template as callers see it. */
public record TemplateView(
    long id,
    String code,
    String name,
    String subject,
    String htmlBody,
    String textBody,
    Instant createdAt,
    Instant updatedAt) {}
