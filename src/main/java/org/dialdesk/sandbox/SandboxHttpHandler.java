package org.dialdesk.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

/** HTTP in front of {@link SandboxService}: auth, body limits, fault injection, JSON errors. */
final class SandboxHttpHandler implements HttpHandler {
    static final String BASE_PATH = "/api/v1";
    static final int MAX_BODY_BYTES = SandboxLimits.MAX_BODY_BYTES;

    private static final System.Logger LOG = System.getLogger("org.dialdesk.sandbox");

    private final SandboxService service;
    private final byte[] expectedAuthorization;
    private final FaultPlan faults;
    private final DoubleSupplier faultDraw;
    private final ObjectMapper mapper;

    SandboxHttpHandler(SandboxService service, String apiKey, FaultPlan faults, DoubleSupplier faultDraw,
                       ObjectMapper mapper) {
        this.service = service;
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.faults = faults;
        this.faultDraw = faultDraw != null ? faultDraw : () -> ThreadLocalRandom.current().nextDouble();
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) {
        // The exchange closes only after the error handling below: closed first (as a
        // try-with-resources would), a 500 could never be sent and reached the client as a
        // dropped connection, which a dial client must take for "maybe placed".
        try {
            answer(exchange);
        } catch (IOException e) {
            // The client hung up (timed out, cancelled): nobody is left to answer.
            LOG.log(System.Logger.Level.DEBUG, "Client went away during " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + ": " + e.getMessage());
        } catch (RuntimeException | SQLException e) {
            // A bug, not bad input: say so without leaking internals.
            LOG.log(System.Logger.Level.ERROR, "Sandbox failed on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath(), e);
            try {
                send(exchange, 500, error("Internal sandbox error: " + e.getClass().getSimpleName()));
            } catch (IOException | RuntimeException ignored) {
                // the answer had begun, or the connection is gone: nothing more can be said
            }
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException, SQLException {
        // The whole body first, whatever the answer: one answered early and closed on a client
        // still sending reaches it as a reset connection, not as the 404 or 405 it was.
        byte[] body = readBody(exchange.getRequestBody());
        String path = exchange.getRequestURI().getRawPath();
        if (!path.equals(BASE_PATH) && !path.startsWith(BASE_PATH + "/")) {
            send(exchange, 404, error("Not found: the API lives under " + BASE_PATH));
            return;
        }
        if (!authorized(exchange.getRequestHeaders().getFirst("authorization"))) {
            boolean missing = exchange.getRequestHeaders().getFirst("authorization") == null;
            send(exchange, 401, error(missing
                    ? "Missing authorization header: send 'authorization: Bearer <API key>'"
                    : "Invalid API key"));
            return;
        }
        FaultPlan.Fault fault = faults.isNone() ? FaultPlan.Fault.NONE : faults.pick(faultDraw.getAsDouble());
        switch (fault) {
            case SERVER_ERROR -> {
                send(exchange, 500, error("Injected fault: internal error before processing"));
                return;
            }
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(faults.retryAfterSeconds()));
                send(exchange, 429, error("Injected fault: too many requests"));
                return;
            }
            case RESET -> {
                return; // closing the exchange with no answer drops the connection
            }
            case SLOW -> LockSupport.parkNanos(faults.slowMillis() * 1_000_000L);
            default -> { }
        }
        if (body == null) {
            send(exchange, 413, error("The body is larger than " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        SandboxService.Response response;
        try {
            response = service.handle(new SandboxService.Request(exchange.getRequestMethod(),
                    path.substring(BASE_PATH.length()), SandboxService.parseQuery(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
        } catch (ApiError e) {
            send(exchange, e.status, errorBody(e));
            return;
        }
        if (fault == FaultPlan.Fault.DROP_AFTER) {
            return; // carried out, but the client never hears of it
        }
        byte[] answer;
        try {
            answer = mapper.writeValueAsBytes(response.body());
        } catch (JsonProcessingException e) {
            // Not the client going away (it is an IOException too): the sandbox's own failing, a 500.
            throw new IllegalStateException("Could not write the answer to " + exchange.getRequestMethod() + " " + path, e);
        }
        send(exchange, response.status(), answer);
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        byte[] given = header.strip().getBytes(StandardCharsets.UTF_8);
        if (given.length > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            System.arraycopy("Bearer ".getBytes(StandardCharsets.UTF_8), 0, given, 0, 7);
        }
        return MessageDigest.isEqual(given, expectedAuthorization);
    }

    /** The body, or null when it is over the limit (read on a little way, so the 413 can be heard). */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length <= MAX_BODY_BYTES) {
            return body;
        }
        byte[] chunk = new byte[64 * 1024];
        long drained = 0;
        int read;
        while (drained < DRAIN_BYTES && (read = in.read(chunk)) > 0) {
            drained += read;
        }
        return null;
    }

    /** How much of an oversized body is read and dropped before the 413, for a client that sends it all first. */
    private static final long DRAIN_BYTES = 8L * MAX_BODY_BYTES;

    private byte[] error(String message) throws IOException {
        return mapper.writeValueAsBytes(mapper.createObjectNode().put("message", message));
    }

    private byte[] errorBody(ApiError e) throws IOException {
        ObjectNode body = mapper.createObjectNode().put("message", e.getMessage());
        if (!e.errors.isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            e.errors.forEach(p -> errors.addObject().put("field", p.field()).put("message", p.message()));
        }
        return mapper.writeValueAsBytes(body);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
