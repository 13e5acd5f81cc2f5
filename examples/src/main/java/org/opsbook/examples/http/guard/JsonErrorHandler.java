package org.opsbook.examples.http.guard;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.opsbook.json.ErrorJson;
import org.opsbook.json.OpsJson;

/**
 * Jetty's own errors (a malformed request line, headers too large, a body cut off) as the decision API's JSON error
 * document, never an HTML page: {@code {"error": {"code": "HTTP_431", "message": "..."}}}, code {@code INVALID_INPUT}
 * for a 400. They carry the security headers every other answer of the server carries.
 */
public final class JsonErrorHandler extends ErrorHandler {
  private final List<HttpField> headers;

  /** Creates the handler; {@code headers} go on every error answer (the server's security headers). */
  public JsonErrorHandler(List<HttpField> headers) {
    this.headers = List.copyOf(headers);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    byte[] body = body(code, message).getBytes(UTF_8);
    headers.forEach(response.getHeaders()::put);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    headers.forEach(fields::put);
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8"));
    return ByteBuffer.wrap(body(status, reason).getBytes(UTF_8));
  }

  /** Returns the JSON document of an HTTP error. */
  public static String body(int status, String message) {
    String code = status == 400 ? ErrorJson.INVALID_INPUT : status >= 500 ? ErrorJson.INTERNAL : "HTTP_" + status;
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
    return OpsJson.write(ErrorJson.error(code, text));
  }
}
