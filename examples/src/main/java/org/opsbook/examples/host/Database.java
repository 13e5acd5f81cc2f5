package org.opsbook.examples.host;

import java.nio.file.Path;
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

  /**
   * Returns the H2 file database in {@code folder}. Several processes may open it at once ({@code AUTO_SERVER}), so
   * {@code ./opsbook serve} and {@code ./opsbook demo} can share a data folder.
   */
  public static Database inFolder(Path folder) {
    Path abs = folder.toAbsolutePath().normalize();
    return new Database(OpsJdbc.h2FileUrl(abs.resolve("opsbook")) + ";AUTO_SERVER=TRUE", abs);
  }

  /** Returns the database at {@code url}. */
  public static Database at(String url) {
    return new Database(url, null);
  }

  /** Returns true for the embedded H2 default. */
  public boolean embedded() {
    return dataFolder != null;
  }

  /** Returns where the data is, for people: the folder, or the URL with its password hidden. */
  public String describe() {
    return embedded() ? "H2 database in " + dataFolder : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
