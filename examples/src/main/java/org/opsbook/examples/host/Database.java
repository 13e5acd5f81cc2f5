package org.opsbook.examples.host;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.opsbook.jdbc.OpsJdbc;

/**
 * Where the example host keeps its data: the embedded default, an H2 file database {@code opsbook} in a data
 * folder, or any JDBC URL given with {@code --db} (PostgreSQL: {@code jdbc:postgresql://host/db?user=u&password=p}).
 *
 * @param url the JDBC URL
 * @param dataFolder the data folder of the embedded database, or null for {@code --db}
 */
public record Database(String url, Path dataFolder) {
  /** The data folder when neither {@code --data} nor {@code --db} is given, relative to the working directory. */
  public static final Path DEFAULT_FOLDER = Path.of("data");
  /** The embedded default's H2 database file in its data folder, without H2's {@code .mv.db} suffix. */
  private static final String H2_FILE = "opsbook";
  /** The environment variable holding the audit key, base64. */
  public static final String AUDIT_KEY_VARIABLE = "OPSBOOK_AUDIT_KEY";
  /** The embedded default's audit key file in its data folder. */
  public static final String AUDIT_KEY_FILE = "audit.key";

  /** The H2 system property naming the address H2's servers listen on. */
  static final String H2_BIND_ADDRESS = "h2.bindAddress";

  static {
    listenOnLoopback();
  }

  /**
   * Returns the H2 file database in {@code folder}. Several processes may open it at once ({@code AUTO_SERVER}), so
   * {@code ./opsbook serve} and {@code ./opsbook demo} can share a data folder: the first opens a TCP server the
   * others join. That server listens on the loopback address only ({@link #listenOnLoopback}): H2 would otherwise
   * listen on every address and take connections from other machines, as user {@code sa} with no password, guarded
   * only by the key in the lock file.
   */
  public static Database inFolder(Path folder) {
    Path abs = folder.toAbsolutePath().normalize();
    return new Database(OpsJdbc.h2FileUrl(abs.resolve(H2_FILE)) + ";AUTO_SERVER=TRUE", abs);
  }

  /**
   * Makes H2's servers in this process listen on {@code 127.0.0.1}, unless the host chose an address
   * ({@code -Dh2.bindAddress=…}). H2 reads the property once, when it is first used in the process; the command line
   * meets that, as this class is loaded before any database is opened.
   */
  private static void listenOnLoopback() {
    if (System.getProperty(H2_BIND_ADDRESS) == null) {
      System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
    }
  }

  /** Returns true for the embedded default once its database file exists (an earlier run made it). */
  public boolean written() {
    return embedded() && Files.exists(dataFolder.resolve(H2_FILE + ".mv.db"));
  }

  /** Returns the database at {@code url}. */
  public static Database at(String url) {
    return new Database(url, null);
  }

  /**
   * Returns the database server at {@code url}, signed in to with {@code password}, which the host keeps out of the
   * command line ({@code --db-password-env}): every local account may read a process's arguments ({@code ps}). The
   * password becomes the URL's {@code password} parameter, percent-encoded; {@link #describe()} masks it.
   *
   * @throws IllegalArgumentException when the URL already holds a password, or is not a server's URL with
   *     {@code ?name=value} parameters (an H2 URL)
   */
  public static Database at(String url, String password) {
    checkArgument(!url.startsWith("jdbc:h2:"), "a password from the environment is for a database server's URL, "
        + "such as jdbc:postgresql://host/db?user=u");
    checkArgument(!url.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]password=.*"),
        "the URL already holds a password: give it in the URL or in the environment, not both");
    checkArgument(!password.isEmpty(), "the password is empty");
    return new Database(url + (url.contains("?") ? "&" : "?") + "password="
        + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8), null);
  }

  /** Returns true for the embedded H2 default. */
  public boolean embedded() {
    return dataFolder != null;
  }

  /**
   * Returns the key the engine seals the audit log under: the environment's {@link #AUDIT_KEY_VARIABLE} (base64 of at
   * least 32 bytes) when set; else, for the embedded default, the data folder's {@link #AUDIT_KEY_FILE}, created with
   * 32 random bytes on first use and readable by its owner alone; else none, and the host seals the log with the
   * published demo key, which the engine warns of. In production the key comes from a key store or a secret the
   * database's administrators cannot read, as the variable's does here.
   *
   * @param environment the process's environment ({@code System.getenv()})
   * @throws IllegalArgumentException naming {@link #AUDIT_KEY_VARIABLE} when it is not base64 of 32 bytes or more
   * @throws UncheckedIOException when the key file cannot be read or created
   */
  public Optional<byte[]> auditKey(Map<String, String> environment) {
    String given = environment.get(AUDIT_KEY_VARIABLE);
    if (given != null && !given.isBlank()) {
      byte[] key;
      try {
        key = Base64.getDecoder().decode(given.strip());
      } catch (IllegalArgumentException e) {
        // not the decoder's message: it quotes a character of the secret
        throw new IllegalArgumentException(AUDIT_KEY_VARIABLE + " is not base64");
      }
      checkArgument(key.length >= 32, "%s needs at least 32 bytes, not %s", AUDIT_KEY_VARIABLE, key.length);
      return Optional.of(key);
    }
    if (!embedded()) {
      return Optional.empty();
    }
    makeFolder();
    return Optional.of(keyFile(dataFolder.resolve(AUDIT_KEY_FILE)));
  }

  /**
   * Makes the embedded default's data folder when it is absent, readable and writable by its owner alone: the
   * database holds people's names and mobile numbers, the audit key lies beside it, and H2's lock file there lets a
   * process that reads it join the database. Does nothing for another database.
   *
   * @return true when the folder already existed and others than its owner may enter it (the host warns)
   * @throws UncheckedIOException when the folder cannot be made or read
   */
  public boolean makeFolder() {
    if (!embedded()) {
      return false;
    }
    try {
      boolean posix = dataFolder.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (Files.notExists(dataFolder)) {
        if (dataFolder.getParent() != null) {
          Files.createDirectories(dataFolder.getParent());
        }
        try {
          if (posix) {
            Files.createDirectory(dataFolder, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
          } else {
            Files.createDirectory(dataFolder);
          }
          return false;
        } catch (FileAlreadyExistsException e) {
          // another process made it first
        }
      }
      return posix && Files.getPosixFilePermissions(dataFolder).stream()
          .anyMatch(p -> !p.name().startsWith("OWNER_"));
    } catch (IOException e) {
      throw new UncheckedIOException("data folder " + dataFolder, e);
    }
  }

  /**
   * Makes the embedded database's files ({@code opsbook.*.db}) readable and writable by their owner alone, once H2 has
   * made them: H2 creates them under the process's umask (commonly readable by all), and a data folder that existed
   * before may let others in, who could then read names and numbers, or the lock file's key to join the database.
   * Does nothing for another database or on a file system without POSIX permissions.
   *
   * @throws UncheckedIOException when a file's permissions cannot be read or set
   */
  public void restrictFiles() {
    if (!embedded() || !dataFolder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dataFolder, H2_FILE + ".*")) {
      for (Path f : files) {
        if (Files.isRegularFile(f)) {
          Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("data folder " + dataFolder, e);
    }
  }

  /** Reads the key file, or creates it whole (never half-written, also when two processes start at once). */
  private static byte[] keyFile(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Path draft = Files.createTempFile(file.getParent(), "audit", ".key");
        try {
          ownerOnly(draft);
          Files.writeString(draft, Base64.getEncoder().encodeToString(fresh));
          Files.createLink(file, draft);
        } catch (FileAlreadyExistsException e) {
          // another process made it first: both use its key
        } finally {
          Files.deleteIfExists(draft);
        }
      }
      return Base64.getDecoder().decode(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("audit key file " + file, e);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  /** Returns where the data is, for people: the folder, or the URL with its password hidden. */
  public String describe() {
    return embedded() ? "H2 database in " + dataFolder : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
