package io.waymark.mail.boundary;

/** A template rendered for one user: what the message would say. */
public record RenderedMail(String recipient, String subject, String html, String text) {}
