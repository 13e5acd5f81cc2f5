package org.opsbook.examples.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
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

  private static final Set<InetAddress> LOOPBACK = Set.of(address("127.0.0.1"), address("::1"));

  private final Mode mode;
  private final Directory directory;
  private final Credentials credentials;
  private final String header;
  private final Set<InetAddress> proxies;

  private SignIn(Mode mode, Directory directory, Credentials credentials, String header, Set<InetAddress> proxies) {
    this.mode = mode;
    this.directory = directory;
    this.credentials = credentials;
    this.header = header;
    this.proxies = proxies;
  }

  /** Returns the mode in which nobody signs in. */
  public static SignIn nobody() {
    return new SignIn(Mode.NOBODY, null, null, null, Set.of());
  }

  /** Returns password sign-in for the people of {@code directory}. */
  public static SignIn passwords(Directory directory, Credentials credentials) {
    return new SignIn(Mode.PASSWORD, checkNotNull(directory, "directory"), checkNotNull(credentials, "credentials"),
        null, Set.of());
  }

  /**
   * Returns sign-in by a trusted reverse proxy on this machine (a loopback address), which authenticates the person
   * and passes their ID in {@code header}; see {@link #trustedProxy(String, Directory, Set)}.
   */
  public static SignIn trustedProxy(String header, Directory directory) {
    return trustedProxy(header, directory, LOOPBACK);
  }

  /**
   * Returns sign-in by a trusted reverse proxy, which authenticates the person and passes their ID in
   * {@code header}. The header is believed only on connections whose peer is one of {@code proxies} (the TCP peer,
   * whatever {@code X-Forwarded-For} says); from any other address it is ignored and the request is not signed in.
   * The proxy must overwrite the header on every request.
   *
   * @param proxies the proxies' addresses, at least one
   */
  public static SignIn trustedProxy(String header, Directory directory, Set<InetAddress> proxies) {
    checkArgument(header != null && header.matches("[A-Za-z0-9-]+"), "not a header name: %s", header);
    checkArgument(proxies != null && !proxies.isEmpty(), "no proxy address given");
    return new SignIn(Mode.TRUSTED_PROXY, checkNotNull(directory, "directory"), null, header, Set.copyOf(proxies));
  }

  /** Returns whether a connection from {@code peer} may name the person in the proxy's header. */
  public boolean trustsProxyAt(InetAddress peer) {
    return mode == Mode.TRUSTED_PROXY && peer != null && proxies.contains(peer);
  }

  /** Returns the addresses whose proxy header is believed (empty unless in trusted-proxy mode). */
  public Set<InetAddress> proxies() {
    return proxies;
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

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
