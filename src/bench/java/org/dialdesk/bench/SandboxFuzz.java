package org.dialdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;

/**
 * Thousands of generated bad requests against a running sandbox, over raw sockets so the framing
 * can be wrong too: well-formed HTTP with hostile JSON, query strings, headers and paths. Every
 * request must get an answer (no dropped connection), never a 5xx, and every error must be JSON
 * with a message; afterwards a valid dial must still go through. Seeded: a failure replays.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.dialdesk.bench.SandboxFuzz -Dexec.args="SEED COUNT [PORT]"}: with a PORT,
 * against a sandbox already running there with the key {@value #KEY} ({@code DIALDESK_API_KEY=
 * sbx_fuzz_key dialdesk sandbox --port PORT}), so its process's memory can be watched. The suite
 * runs a smaller share of it (SandboxHostileInputTest).
 */
public final class SandboxFuzz {
    public static final String KEY = "sbx_fuzz_key";
    private static final String SUPPORT_LINE = "640000000000000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PATHS = List.of("/dial/outbound", "/dial/outbound-batched", "/calls",
            "/calls/6a0000000000000000000001", "/calls/6a0000000000000000000001/cancel",
            "/calls/6a0000000000000000000001/transcript", "/calls/6a0000000000000000000001/notes",
            "/numbers", "/use-cases", "/agents", "/models", "/numbers/640000000000000000000001", "/nope");
    private static final List<String> METHODS = List.of("GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS");
    private static final List<String> QUERY_NAMES = List.of("from", "to", "limit", "skip", "statuses", "sort",
            "search", "use_cases", "campaigns", "type", "use_case_id", "status");
    private static final List<String> HOSTILE_VALUES = List.of("-999999999-01-01", "+999999999-12-31T23:59:59Z",
            "2027-02-30", "9".repeat(40), "-1", "0", "2147483648", "%00", "%E2%80%AE", "%27%3B%20DROP%20TABLE%20calls%3B%20--",
            "%27%20OR%201%3D1", "Completed,,,", "desc%0d%0aX-Injected:%201", "%ff%fe", "null", "", "%25",
            "1e309", "NaN", "2026-11-23T15:00:00+25:00");

    /** What a run saw. */
    public record Result(int requests, int dropped, int serverErrors, int nonJsonErrors, int accepted,
                         List<String> examples, boolean validDialAfter, long heapBeforeMb, long heapAfterMb,
                         long millis) {
        public boolean clean() {
            return dropped == 0 && serverErrors == 0 && nonJsonErrors == 0 && validDialAfter;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d requests in %,d ms: %d dropped, %d 5xx, %d errors not JSON, "
                            + "%d accepted; a valid dial afterwards %s; heap after GC %d MB before, %d MB after%s",
                    requests, millis, dropped, serverErrors, nonJsonErrors, accepted,
                    validDialAfter ? "went through and call history read back" : "FAILED", heapBeforeMb, heapAfterMb,
                    examples.isEmpty() ? "" : "\nfirst problems:\n  " + String.join("\n  ", examples));
        }
    }

    private final Random random;
    private final int port;

    public SandboxFuzz(long seed, int port) {
        this.random = new Random(seed);
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 13;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        if (args.length > 2) {
            int port = Integer.parseInt(args[2]);
            Result result = run(port, seed, count);
            System.out.println("seed " + seed + ", sandbox on port " + port + ": " + result);
            System.exit(result.clean() ? 0 : 1);
        }
        Path dir = Files.createTempDirectory("dialdesk-fuzz");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir, Clock.systemUTC()).withApiKey(KEY))) {
            Result result = run(sandbox, seed, count);
            System.out.println("seed " + seed + ": " + result);
            System.out.println("malformed HTTP framing (raw %, \\, spaces, too many headers): " + framing(sandbox, seed, count / 10));
            System.exit(result.clean() ? 0 : 1);
        }
    }

    /** Requests whose request line or headers are not valid HTTP: the sandbox's front door answers them. */
    public static String framing(Sandbox sandbox, long seed, int count) {
        SandboxFuzz fuzz = new SandboxFuzz(seed, sandbox.port());
        int dropped = 0;
        int nonJson = 0;
        int serverErrors = 0;
        for (int i = 0; i < count; i++) {
            String target = "/api/v1/calls?search=" + fuzz.pick(List.of("%", "%zz", "\\", "a b", "\"", "<x>", "{}", "|"));
            byte[] request = fuzz.random.nextBoolean() ? fuzz.frame("GET", target, null, true, null)
                    : fuzz.manyHeaders(150 + fuzz.random.nextInt(200));
            Answer answer = fuzz.send(request);
            if (answer == null) {
                dropped++;
            } else if (answer.status >= 500) {
                serverErrors++;
            } else if (answer.status >= 400 && !answer.isJsonWithMessage()) {
                nonJson++;
            }
        }
        return String.format(Locale.ROOT, "%d requests: %d dropped, %d 5xx, %d errors not JSON", count, dropped,
                serverErrors, nonJson);
    }

    private byte[] manyHeaders(int count) {
        StringBuilder head = new StringBuilder("GET /api/v1/numbers HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "authorization: Bearer " + KEY + "\r\n");
        for (int i = 0; i < count; i++) {
            head.append("X-Filler-").append(i).append(": ").append(token(8)).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends {@code count} generated requests to {@code sandbox}, then one valid dial. */
    public static Result run(Sandbox sandbox, long seed, int count) throws IOException {
        return run(sandbox.port(), seed, count);
    }

    /** As {@link #run(Sandbox, long, int)}, to a sandbox on {@code port}; the heap figures are this process's. */
    public static Result run(int port, long seed, int count) throws IOException {
        long heapBefore = usedHeapMbAfterGc();
        SandboxFuzz fuzz = new SandboxFuzz(seed, port);
        int dropped = 0;
        int serverErrors = 0;
        int nonJson = 0;
        int accepted = 0;
        List<String> examples = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            byte[] request = fuzz.nextRequest();
            Answer answer = fuzz.send(request);
            String problem = null;
            if (answer == null) {
                dropped++;
                problem = "no answer";
            } else if (answer.status >= 500) {
                serverErrors++;
                problem = "status " + answer.status;
            } else if (answer.status >= 400 && !answer.isJsonWithMessage()) {
                nonJson++;
                problem = "status " + answer.status + ", " + answer.contentType + ": " + answer.bodyStart();
            } else if (answer.status < 300) {
                accepted++;
            }
            if (problem != null && examples.size() < 10) {
                examples.add(problem + " for " + printable(request));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String dial = "{\"number_id\":\"" + SUPPORT_LINE + "\",\"phone_number\":\"+14155550125\"}";
        Answer valid = fuzz.send(fuzz.frame("POST", "/api/v1/dial/outbound", "application/json", true, dial));
        // And what was accepted reads back: one stored call that cannot be written would break every page.
        Answer history = fuzz.send(fuzz.frame("GET", "/api/v1/calls?limit=2000", null, true, null));
        boolean dialAfter = valid != null && valid.status == 200 && history != null && history.status == 200;
        return new Result(count, dropped, serverErrors, nonJson, accepted, examples, dialAfter, heapBefore,
                usedHeapMbAfterGc(), millis);
    }

    // ---------------- generating ----------------

    byte[] nextRequest() {
        String method = pick(METHODS);
        String path = "/api/v1" + pathVariant();
        String query = random.nextInt(3) == 0 ? "" : "?" + query();
        boolean auth = random.nextInt(20) != 0;
        String contentType = switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> "text/plain";
            case 2 -> "application/json; charset=latin1";
            default -> "application/json";
        };
        String body = method.equals("GET") || method.equals("DELETE") ? (random.nextInt(10) == 0 ? body() : null) : body();
        return frame(method, path + query, contentType, auth, body);
    }

    private String pathVariant() {
        String path = pick(PATHS);
        return switch (random.nextInt(10)) {
            case 0 -> path + "/" + token(1 + random.nextInt(30));
            case 1 -> path.replace("6a0000000000000000000001", token(random.nextInt(40)));
            case 2 -> path + "/";
            case 3 -> path + "%2e%2e%2f" + token(3);
            default -> path;
        };
    }

    private String query() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            pairs.add(pick(QUERY_NAMES) + "=" + (random.nextBoolean() ? pick(HOSTILE_VALUES) : token(random.nextInt(12))));
        }
        return String.join("&", pairs);
    }

    private String body() {
        Map<String, Object> dial = new LinkedHashMap<>();
        dial.put("number_id", random.nextInt(6) == 0 ? token(24) : SUPPORT_LINE);
        dial.put("phone_number", random.nextInt(5) == 0 ? token(random.nextInt(30)) : "+1415555" + (1000 + random.nextInt(9000)));
        String valid;
        try {
            valid = JSON.writeValueAsString(dial);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return switch (random.nextInt(16)) {
            case 0 -> "[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(2) * 10);
            case 1 -> valid.replace("}", ",\"params\":" + nested(1 + random.nextInt(1200)) + "}");
            case 2 -> valid.replace("}", ",\"max_duration_mins\":" + "9".repeat(1 + random.nextInt(2000)) + "}");
            case 3 -> valid.replace("}", ",\"scheduled_for\":\"" + pick(List.of("+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "2027-02-30T10:00:00Z", "2020-01-01T00:00:00Z", "tomorrow")) + "\"}");
            case 4 -> valid.replace("}", ",\"metadata\":{\"to\":\"+19999999999\",\"call_sid\":\"spoof\"}}");
            case 5 -> valid.substring(0, random.nextInt(valid.length()));
            case 6 -> valid + pick(List.of("}", "garbage", " {\"b\":2}", "\u0000"));
            case 7 -> token(random.nextInt(200));
            case 8 -> valid.replace("\"+1415", "\"\\u0000+1415");
            case 9 -> valid.replace("}", ",\"params\":\"" + "x".repeat(random.nextInt(200_000)) + "\"}");
            case 10 -> "[" + valid + "," + valid.replace("number_id", "numberid") + "]";
            case 11 -> valid.replace("}", ",\"language\":" + pick(List.of("42", "null", "[]", "\"xx-XX\"", "{}")) + "}");
            case 12 -> valid.replace("}", ",\"agent_id\":" + pick(List.of("1", "true", "\"'; DROP TABLE calls; --\"")) + "}");
            case 13 -> "";
            default -> valid;
        };
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private String token(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A request as bytes, with the sandbox's key when {@code auth}. */
    public byte[] frame(String method, String target, String contentType, boolean auth, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (auth) {
            head.append("authorization: Bearer ").append(KEY).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[start.length + payload.length];
        System.arraycopy(start, 0, whole, 0, start.length);
        System.arraycopy(payload, 0, whole, start.length, payload.length);
        return whole;
    }

    // ---------------- sending ----------------

    /** An answer as it came: status, content type and body. */
    public record Answer(int status, String contentType, byte[] body) {
        public boolean isJsonWithMessage() {
            if (contentType == null || !contentType.startsWith("application/json")) {
                return false;
            }
            try {
                JsonNode node = JSON.readTree(body);
                return node != null && node.hasNonNull("message");
            } catch (IOException e) {
                return false;
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String bodyStart() {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 80 ? text.substring(0, 80) + "…" : text;
        }
    }

    /** One request on a fresh connection; null when the connection ended with no answer. */
    public Answer send(byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            return parse(readAll(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return null;
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String contentType = null;
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            }
        }
        byte[] body = new byte[raw.length - end - 4];
        System.arraycopy(raw, end + 4, body, 0, body.length);
        return new Answer(status, contentType, body);
    }

    private static String printable(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1).replace("\r\n", "⏎ ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static long usedHeapMbAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
