package org.opsbook.examples.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.examples.cli.Main;

/**
 * The embedded database's shared server ({@code AUTO_SERVER}, for {@code serve} and {@code demo} on one data folder)
 * is for processes on this machine: it must not take a connection from another machine, even one that holds the key
 * its lock file names.
 */
class DatabaseNetworkTest {
  @Test
  void serveSharesItsDatabaseOnTheLoopbackAddressOnly(@TempDir Path dir) throws Exception {
    List<InetAddress> network = NetworkInterface.networkInterfaces().filter(DatabaseNetworkTest::up)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
    Assumptions.assumeFalse(network.isEmpty(), "this machine has no network address to connect from");

    Path data = dir.resolve("data");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process serve = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--data", data.toString(), "--port", "0")
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    try {
      Path lock = data.resolve("opsbook.lock.db");
      Properties server = new Properties();
      for (int i = 0; i < 600 && server.getProperty("server") == null; i++) {
        assertThat(serve.isAlive()).as("serve runs; stderr: %s", Files.exists(dir.resolve("err.txt"))
            ? Files.readString(dir.resolve("err.txt"), UTF_8) : "").isTrue();
        TimeUnit.MILLISECONDS.sleep(100);
        if (Files.exists(lock)) {
          try (var in = Files.newInputStream(lock)) {
            server.load(in);
          } catch (java.io.IOException e) {
            server.clear();
          }
        }
      }
      String port = server.getProperty("server", ":").split(":")[1];
      String key = server.getProperty("id");
      assertThat(port).as("the lock file names the server's port").isNotEmpty();

      try (Connection local = DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + port + "/" + key, "sa", "")) {
        assertThat(local.isValid(5)).as("a process on this machine joins").isTrue();
      }
      for (InetAddress a : network) {
        assertThat(refusal("jdbc:h2:tcp://" + a.getHostAddress() + ":" + port + "/" + key))
            .as("a connection to %s", a).contains("Connection refused");
      }
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String refusal(String url) {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      return "connected";
    } catch (SQLException e) {
      return String.valueOf(e.getMessage());
    }
  }

  private static boolean up(NetworkInterface i) {
    try {
      return i.isUp();
    } catch (java.net.SocketException e) {
      return false;
    }
  }
}
