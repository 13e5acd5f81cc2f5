package org.opsbook.json;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.opsbook.core.InvalidInputException;

/**
 * The JSON decision API as one dispatcher that the command line and the HTTP server share: a command name and a
 * request text in, a {@link Response} (exit code, HTTP status, document) out. Every failure becomes the documented
 * error document; nothing throws. Immutable and thread-safe.
 */
public final class DecisionApi {
  // A sorted copy wrapped unmodifiable, and the command factories plain classes: the command line builds this
  // table at every start, and a memoising lambda per command is a call site to link each.
  private final SortedMap<String, Supplier<DecisionCommand>> commands;

  private DecisionApi(Map<String, Supplier<DecisionCommand>> commands) {
    this.commands = Collections.unmodifiableSortedMap(new TreeMap<>(commands));
  }

  /**
   * Returns the dispatcher with every command of the decision API: classify, obligations, notify, dataop,
   * extraction-window, report, cutover, fault, bug and ticket (decision-api.md). The command line, the HTTP server and
   * the demo use it. Each command is built on its first use, so a process that runs one command (the command line)
   * pays for that one only.
   */
  public static DecisionApi standard() {
    Builder b = builder();
    for (Map.Entry<String, Supplier<DecisionCommand>> e : org.opsbook.json.internal.Commands.standard().entrySet()) {
      b.register(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the names of the registered commands, sorted. */
  public Set<String> commandNames() {
    return commands.keySet();
  }

  /**
   * Runs {@code command} on {@code requestText}.
   *
   * @return the response; status 0/200, 2/400 (invalid input), 2/404 (unknown command) or 1/500
   */
  public Response execute(String command, String requestText) {
    Supplier<DecisionCommand> c = commands.get(command);
    if (c == null) {
      return new Response(2, 404, ErrorJson.error(ErrorJson.UNKNOWN_COMMAND,
          "unknown command '" + command + "'; commands: " + commands.keySet()));
    }
    try {
      JsonNode request = OpsJson.parse(requestText);
      return new Response(0, 200, c.get().handle(request));
    } catch (InvalidInputException e) {
      return new Response(2, 400, ErrorJson.invalidInput(e));
    } catch (RuntimeException e) {
      return new Response(1, 500, ErrorJson.error(ErrorJson.INTERNAL,
          e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  /**
   * A response.
   *
   * @param exitCode the command line's exit status
   * @param httpStatus the HTTP status
   * @param body the response or error document
   */
  public record Response(int exitCode, int httpStatus, JsonNode body) {
    /** Returns the body as compact JSON text. */
    public String bodyText() {
      return OpsJson.write(body);
    }
  }

  /** Builds a {@link DecisionApi}. */
  public static final class Builder {
    private final Map<String, Supplier<DecisionCommand>> commands = new TreeMap<>();

    private Builder() {}

    /** Registers a command; names are unique. */
    public Builder register(DecisionCommand command) {
      return add(command.name(), new Once(command.name(), null, command));
    }

    /**
     * Registers a command under {@code name}, built by {@code factory} on its first use (once, thread-safely); the
     * command it builds must answer {@code name}.
     */
    public Builder register(String name, Supplier<? extends DecisionCommand> factory) {
      checkNotNull(factory, "factory");
      return add(name, new Once(name, factory, null));
    }

    private Builder add(String name, Supplier<DecisionCommand> command) {
      checkArgument(name != null && !name.isEmpty(), "a command needs a name");
      checkArgument(commands.putIfAbsent(name, command) == null, "command %s registered twice", name);
      return this;
    }

    /** Returns the dispatcher. */
    public DecisionApi build() {
      return new DecisionApi(commands);
    }
  }

  /**
   * A command built by its factory on the first {@link #get} (once, thread-safely; a factory that throws is asked
   * again next time) and checked to answer the name it was registered under; or a command given built.
   */
  private static final class Once implements Supplier<DecisionCommand> {
    private final String name;
    private final Supplier<? extends DecisionCommand> factory;
    private volatile DecisionCommand command;

    Once(String name, Supplier<? extends DecisionCommand> factory, DecisionCommand command) {
      this.name = name;
      this.factory = factory;
      this.command = command;
    }

    @Override
    public DecisionCommand get() {
      DecisionCommand c = command;
      if (c == null) {
        synchronized (this) {
          c = command;
          if (c == null) {
            c = checkNotNull(factory.get(), "the factory of %s built nothing", name);
            checkState(c.name().equals(name), "command %s was registered as %s", c.name(), name);
            command = c;
          }
        }
      }
      return c;
    }
  }
}
