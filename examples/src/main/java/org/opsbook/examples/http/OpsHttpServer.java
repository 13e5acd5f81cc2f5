package org.opsbook.examples.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.ErrorJson;
import org.opsbook.json.OpsJson;

/**
 * Serves the decision API over HTTP: {@code POST /v1/<command>} with the command line's request and response
 * documents and the matching status codes (200, 400, 404, 500). Further routes (the dashboard) are added with
 * {@link Builder#route}. Thread-safe once started.
 */
public final class OpsHttpServer implements AutoCloseable {
  private static final String JSON = "application/json; charset=utf-8";

  /** A route's answer. */
  public record Reply(int status, String contentType, String body) {
    /** Returns a JSON reply. */
    public static Reply json(int status, String body) {
      return new Reply(status, JSON, body);
    }
  }

  /** Handles one request to a registered route. */
  @FunctionalInterface
  public interface Route {
    /**
     * Answers a request.
     *
     * @param method the HTTP method
     * @param path the path below the route's prefix (may be empty)
     * @param body the request body as text
     */
    Reply handle(String method, String path, String body);
  }

  private final Server server;
  private final ServerConnector connector;

  private OpsHttpServer(Builder b) {
    this.server = new Server();
    this.connector = new ServerConnector(server);
    connector.setHost(b.host);
    connector.setPort(b.port);
    server.addConnector(connector);
    server.setHandler(new Dispatcher(b.api, new LinkedHashMap<>(b.routes)));
  }

  /** Returns a builder serving {@code api}. */
  public static Builder builder(DecisionApi api) {
    return new Builder(api);
  }

  /** Starts listening. */
  public OpsHttpServer start() throws Exception {
    server.start();
    return this;
  }

  /** Returns the port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static final class Dispatcher extends Handler.Abstract.NonBlocking {
    private final DecisionApi api;
    private final Map<String, Route> routes;

    Dispatcher(DecisionApi api, Map<String, Route> routes) {
      this.api = api;
      this.routes = routes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      String method = request.getMethod();
      Content.Source.asString(request, UTF_8, new org.eclipse.jetty.util.Promise<>() {
        @Override
        public void succeeded(String body) {
          Reply reply;
          try {
            reply = dispatch(method, path, body);
          } catch (RuntimeException e) {
            reply = Reply.json(500, OpsJson.write(ErrorJson.error(ErrorJson.INTERNAL, String.valueOf(e))));
          }
          response.setStatus(reply.status());
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
          response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
          Content.Sink.write(response, true, reply.body(), callback);
        }

        @Override
        public void failed(Throwable x) {
          callback.failed(x);
        }
      });
      return true;
    }

    private Reply dispatch(String method, String path, String body) {
      if (path.startsWith("/v1/")) {
        if (!method.equals("POST")) {
          return Reply.json(405, OpsJson.write(ErrorJson.error("METHOD_NOT_ALLOWED", "use POST " + path)));
        }
        DecisionApi.Response r = api.execute(path.substring("/v1/".length()), body);
        return Reply.json(r.httpStatus(), r.bodyText());
      }
      for (Map.Entry<String, Route> e : routes.entrySet()) {
        String prefix = e.getKey();
        if (path.equals(prefix) || (path.startsWith(prefix) && (prefix.endsWith("/") || path.charAt(prefix.length()) == '/'))) {
          return e.getValue().handle(method, path.substring(prefix.length()), body);
        }
      }
      return Reply.json(404, OpsJson.write(ErrorJson.error("NOT_FOUND", "no route " + method + " " + path)));
    }
  }

  /** Builds an {@link OpsHttpServer}. */
  public static final class Builder {
    private final DecisionApi api;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private String host = "127.0.0.1";
    private int port = 8080;

    private Builder(DecisionApi api) {
      this.api = api;
    }

    /** Sets the port; 0 picks a free one. Default 8080. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Sets the interface to bind; loopback by default. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Adds a route for every path equal to or below {@code prefix}; earlier routes win. */
    public Builder route(String prefix, Route route) {
      routes.put(prefix, route);
      return this;
    }

    /** Returns the server, not yet started. */
    public OpsHttpServer build() {
      return new OpsHttpServer(this);
    }
  }
}
