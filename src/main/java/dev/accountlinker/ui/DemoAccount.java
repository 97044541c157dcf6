package dev.accountlinker.ui;

/**
 * One of the demo tenant's seeded accounts, as the sign-in screen lists it in demo mode (public demo credentials).
 *
 * @param connection the connection it signs in with (e.g. {@code google-oauth2}: the demo's stand-in page)
 * @param linkedTo   the user id it is already linked into, or empty: signing in with it gives that account
 */
public record DemoAccount(String email, String password, String connection, String userId, String linkedTo) {}
