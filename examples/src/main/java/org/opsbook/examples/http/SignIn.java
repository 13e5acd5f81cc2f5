package org.opsbook.examples.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.opsbook.core.spi.Directory;

/**
 * How people sign in to the server: with a password against {@link Credentials}, or through a trusted single
 * sign-on proxy that names the person in a request header. Either way the person is looked up in the directory, and
 * their roles come from there only. Immutable.
 */
public final class SignIn {
  /** The way people sign in. */
  public enum Mode {
    /** Nobody signs in: only the public routes answer (the decision API). */
    NOBODY,
    /** A login page and a password per person. */
    PASSWORD,
    /** A reverse proxy authenticates and sends the person's ID in a header. */
    TRUSTED_PROXY
  }

  private final Mode mode;
  private final Directory directory;
  private final Credentials credentials;
  private final String header;

  private SignIn(Mode mode, Directory directory, Credentials credentials, String header) {
    this.mode = mode;
    this.directory = directory;
    this.credentials = credentials;
    this.header = header;
  }

  /** Returns the mode in which nobody signs in. */
  public static SignIn nobody() {
    return new SignIn(Mode.NOBODY, null, null, null);
  }

  /** Returns password sign-in for the people of {@code directory}. */
  public static SignIn passwords(Directory directory, Credentials credentials) {
    return new SignIn(Mode.PASSWORD, checkNotNull(directory, "directory"), checkNotNull(credentials, "credentials"),
        null);
  }

  /**
   * Returns sign-in by a trusted reverse proxy, which authenticates the person and passes their ID in
   * {@code header}. Only safe when the server is reachable through that proxy alone and the proxy overwrites the
   * header on every request.
   */
  public static SignIn trustedProxy(String header, Directory directory) {
    checkArgument(header != null && header.matches("[A-Za-z0-9-]+"), "not a header name: %s", header);
    return new SignIn(Mode.TRUSTED_PROXY, checkNotNull(directory, "directory"), null, header);
  }

  /** Returns the mode. */
  public Mode mode() {
    return mode;
  }

  /** Returns the directory people are looked up in (absent when nobody signs in). */
  public Optional<Directory> directory() {
    return Optional.ofNullable(directory);
  }

  Credentials credentials() {
    return credentials;
  }

  /** Returns the proxy's header, in trusted-proxy mode. */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }
}
