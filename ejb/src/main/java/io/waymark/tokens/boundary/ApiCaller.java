package io.waymark.tokens.boundary;

/** The API token a request was authorised with. */
public record ApiCaller(long tokenId, String tokenName) {}
