package org.opsbook.examples.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * One run of {@code ./opsbook demo} in the test JVM: its exit status, its timeline and what it wrote to standard
 * error, with a finder for the timeline line that holds all of some texts.
 *
 * @param status the exit status
 * @param out the timeline
 * @param err standard error
 */
public record DemoRun(int status, String out, String err) {
  /** Runs the demo with {@code args}, its narrative in English unless they say {@code --lang}. */
  public static DemoRun of(boolean progress, String... args) {
    if (!Arrays.asList(args).contains("--lang")) {
      String[] english = Arrays.copyOf(args, args.length + 2);
      english[args.length] = "--lang";
      english[args.length + 1] = "en";
      args = english;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Demo.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), progress);
    return new DemoRun(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  /** Returns the timeline's lines. */
  public List<String> lines() {
    return Arrays.asList(out.split("\n"));
  }

  /**
   * Returns the first line holding every one of {@code parts}, failing with the timeline when there is none. A first
   * part that is a time ({@code 09:54}) must start the line: it is the time the line happened at.
   */
  public String line(String... parts) {
    boolean timed = parts.length > 0 && parts[0].matches("\\d\\d:\\d\\d");
    for (String l : lines()) {
      if ((!timed || l.startsWith(parts[0] + "  ")) && Arrays.stream(parts).allMatch(l::contains)) {
        return l;
      }
    }
    throw new AssertionError("no timeline line holds all of " + Arrays.toString(parts) + "; the timeline:\n" + out
        + "\nstandard error:\n" + err);
  }
}
