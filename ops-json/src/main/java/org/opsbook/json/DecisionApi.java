package org.opsbook.json;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.opsbook.core.InvalidInputException;

/**
 * The JSON decision API as one dispatcher that the command line and the HTTP server share: a command name and a
 * request text in, a {@link Response} (exit code, HTTP status, document) out. Every failure becomes the documented
 * error document; nothing throws. Immutable and thread-safe.
 */
public final class DecisionApi {
  private final ImmutableSortedMap<String, Supplier<DecisionCommand>> commands;

  private DecisionApi(Map<String, Supplier<DecisionCommand>> commands) {
    this.commands = ImmutableSortedMap.copyOf(commands);
  }

  /**
   * Returns the dispatcher with every command of the decision API: classify, obligations, notify, dataop,
   * extraction-window, report, cutover, fault, bug and ticket (decision-api.md). The command line, the HTTP server and
   * the demo use it. Each command is built on its first use, so a process that runs one command (the command line)
   * pays for that one only.
   */
  public static DecisionApi standard() {
    Builder b = builder();
    org.opsbook.json.internal.Commands.standard().forEach(b::register);
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
      return add(command.name(), () -> command);
    }

    /**
     * Registers a command under {@code name}, built by {@code factory} on its first use (once, thread-safely); the
     * command it builds must answer {@code name}.
     */
    public Builder register(String name, Supplier<? extends DecisionCommand> factory) {
      checkNotNull(factory, "factory");
      return add(name, Suppliers.memoize(() -> {
        DecisionCommand c = checkNotNull(factory.get(), "the factory of %s built nothing", name);
        checkState(c.name().equals(name), "command %s was registered as %s", c.name(), name);
        return c;
      }));
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
}
