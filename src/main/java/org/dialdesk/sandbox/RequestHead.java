package org.dialdesk.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request's line and headers as the sandbox's front door reads them: the lines to pass on to
 * the server behind (without Connection, Expect or the body's framing, which the door writes
 * itself), how the body is framed, or the
 * status and problem to refuse the request with. Strict where HTTP is: CR LF line ends, a valid
 * RFC 3986 target, one framing of the body.
 *
 * @param contentLength   the body's length; -1 when it is chunked or there is none
 * @param expectsContinue the client waits for "100 Continue" before it sends the body
 */
record RequestHead(byte[] bytes, long contentLength, boolean chunked, boolean expectsContinue, int status, String problem) {
    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int MAX_HEADERS = 100;

    static RequestHead refused(int status, String problem) {
        return new RequestHead(null, -1, false, false, status, problem);
    }

    /** Reads up to the blank line; null when the connection ends before any byte. */
    static RequestHead read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int total = 0;
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return total == 0 ? null : refused(400, "The request ended before its headers did.");
            }
            if (++total > MAX_HEAD_BYTES) {
                return refused(431, "The request line and headers are over " + MAX_HEAD_BYTES + " bytes.");
            }
            if (b == '\n') {
                if (previous != '\r') {
                    return refused(400, "End each request and header line with CR LF, not LF alone.");
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        previous = b;
                        continue; // blank lines before a request are allowed
                    }
                    return check(lines);
                }
                lines.add(text);
                if (lines.size() > MAX_HEADERS + 1) {
                    return refused(431, "More than " + MAX_HEADERS + " headers.");
                }
            } else if (previous == '\r') {
                return refused(400, "A CR in a request or header line must be followed by LF.");
            } else if (b != '\r') {
                line.write(b);
            }
            previous = b;
        }
    }

    private static RequestHead check(List<String> lines) {
        String[] request = lines.get(0).split(" ", -1);
        if (request.length != 3 || !request[0].matches("[A-Z]{1,16}") || !request[2].matches("HTTP/1\\.[01]")) {
            return refused(400, "Not an HTTP request line: send METHOD /api/v1/... HTTP/1.1, with single spaces.");
        }
        String targetProblem = targetProblem(request[1]);
        if (targetProblem != null) {
            return refused(400, targetProblem);
        }
        StringBuilder passed = new StringBuilder(lines.get(0)).append("\r\n");
        String length = null;
        boolean chunked = false;
        boolean expectsContinue = false;
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            if (colon <= 0 || !header.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                return refused(400, "Not a header line (name: value): \"" + shorten(header) + "\".");
            }
            if (header.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                return refused(400, "A control character in the header " + header.substring(0, colon) + ".");
            }
            String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "connection", "keep-alive" -> { } // one request a connection: see the class comment
                case "expect" -> {
                    if (!value.equalsIgnoreCase("100-continue")) {
                        return refused(417, "Only Expect: 100-continue is understood.");
                    }
                    expectsContinue = true; // answered here; the server behind need not know
                }
                case "content-length" -> {
                    if (!value.matches("[0-9]{1,12}") || length != null && !length.equals(value)) {
                        return refused(400, "Content-Length must be one number of bytes, was \"" + shorten(value) + "\".");
                    }
                    length = value; // the door sends its own, for the body as it passes it on
                }
                case "transfer-encoding" -> {
                    if (!value.equalsIgnoreCase("chunked")) {
                        return refused(400, "Transfer-Encoding must be chunked (or send a Content-Length), was \""
                                + shorten(value) + "\".");
                    }
                    chunked = true; // passed on de-chunked, with a length
                }
                default -> passed.append(header).append("\r\n");
            }
        }
        if (chunked && length != null) {
            // Two framings of one body can be read two ways: the way requests are smuggled past a door.
            return refused(400, "Send either Content-Length or Transfer-Encoding: chunked, not both.");
        }

        return new RequestHead(passed.toString().getBytes(StandardCharsets.ISO_8859_1), length == null ? -1 : Long.parseLong(length),
                chunked, expectsContinue && (chunked || length != null && Long.parseLong(length) > 0), 0, null);
    }

    /** Why a request target is not a URI path and query (RFC 3986), or null when it is one. */
    static String targetProblem(String target) {
        if (!target.startsWith("/")) {
            return "The request target must be a path starting with /, e.g. /api/v1/calls.";
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                        || Character.digit(target.charAt(i + 2), 16) < 0) {
                    return "A % in the request target must start an escape such as %20; send a literal % as %25.";
                }
            } else if (!(Character.isLetterOrDigit(c) && c < 0x80) && "-._~!$&'()*+,;=:@/?".indexOf(c) < 0) {
                return "The request target holds '" + (c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : c)
                        + "', which must be percent-encoded (e.g. a space as %20).";
            }
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
