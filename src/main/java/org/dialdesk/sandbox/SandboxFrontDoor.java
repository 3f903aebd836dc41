package org.dialdesk.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's public port. It reads each request's line and headers itself and refuses what is
 * not valid HTTP with a JSON error, as the rest of the service does: behind it, the JDK's server
 * answered those with its own HTML pages, or dropped the connection (too many headers), before any
 * handler of the sandbox's saw them. A valid request is passed on whole to that server on an
 * internal loopback port, one request a connection ("Connection: close" both ways), and the answer
 * passed back. A client slow to send its headers gets a 408 and its connection is freed.
 */
final class SandboxFrontDoor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.dialdesk.sandbox");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int MAX_HEADERS = 100;
    /** Milliseconds a client has to send its request line and headers. */
    static final int HEAD_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_CONNECTIONS = 256;

    private final ServerSocket listening;
    private final int backendPort;
    private final ThreadPoolExecutor connections;
    private final Thread acceptor;

    SandboxFrontDoor(ServerSocket listening, int backendPort) {
        this.listening = listening;
        this.backendPort = backendPort;
        this.connections = new ThreadPoolExecutor(4, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "sandbox-door");
                    thread.setDaemon(true);
                    return thread;
                });
        this.acceptor = new Thread(this::accept, "sandbox-door-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listening.getLocalPort();
    }

    private void accept() {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "Sandbox could not accept a connection: " + e.getMessage());
                }
                continue;
            }
            try {
                connections.execute(() -> serve(client));
            } catch (RejectedExecutionException busy) {
                refuse(client, 503, "The sandbox is serving " + MAX_CONNECTIONS + " connections; try again shortly.");
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
            client.setTcpNoDelay(true);
            BufferedInputStream in = new BufferedInputStream(client.getInputStream());
            Head head;
            try {
                head = readHead(in);
            } catch (SocketTimeoutException slow) {
                answer(client, 408, "The request's headers did not arrive within " + HEAD_TIMEOUT_MILLIS / 1000
                        + " seconds.");
                return;
            }
            if (head == null) {
                return; // connected and went away without a word
            }
            if (head.problem() != null) {
                answer(client, head.status(), head.problem());
                return;
            }
            client.setSoTimeout(0); // the body and the answer: the server behind has its own limits
            pass(client, in, head.bytes());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Sandbox connection ended: " + e.getMessage());
        }
    }

    /** A request's head as read: the bytes to pass on, or the status and problem to refuse it with. */
    record Head(byte[] bytes, int status, String problem) {
        static Head refused(int status, String problem) {
            return new Head(null, status, problem);
        }
    }

    /** Reads up to the blank line; null when the connection ends before any byte. */
    static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int total = 0;
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return total == 0 ? null : Head.refused(400, "The request ended before its headers did.");
            }
            if (++total > MAX_HEAD_BYTES) {
                return Head.refused(431, "The request line and headers are over " + MAX_HEAD_BYTES + " bytes.");
            }
            if (b == '\n') {
                if (previous != '\r') {
                    return Head.refused(400, "End each request and header line with CR LF, not LF alone.");
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue; // blank lines before a request are allowed
                    }
                    return check(lines);
                }
                lines.add(text);
                if (lines.size() > MAX_HEADERS + 1) {
                    return Head.refused(431, "More than " + MAX_HEADERS + " headers.");
                }
            } else if (b != '\r') {
                line.write(b);
            }
            previous = b;
        }
    }

    private static Head check(List<String> lines) {
        String[] request = lines.get(0).split(" ", -1);
        if (request.length != 3 || !request[0].matches("[A-Z]{1,16}") || !request[2].matches("HTTP/1\\.[01]")) {
            return Head.refused(400, "Not an HTTP request line: send METHOD /api/v1/... HTTP/1.1, with single spaces.");
        }
        String targetProblem = targetProblem(request[1]);
        if (targetProblem != null) {
            return Head.refused(400, targetProblem);
        }
        StringBuilder passed = new StringBuilder(lines.get(0)).append("\r\n");
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            if (colon <= 0 || !header.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                return Head.refused(400, "Not a header line (name: value): \"" + shorten(header) + "\".");
            }
            if (header.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                return Head.refused(400, "A control character in the header " + header.substring(0, colon) + ".");
            }
            String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!name.equals("connection") && !name.equals("keep-alive")) {
                passed.append(header).append("\r\n");
            }
        }
        passed.append("Connection: close\r\n\r\n");
        return new Head(passed.toString().getBytes(StandardCharsets.ISO_8859_1), 0, null);
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

    /** Hands the request to the server behind and its answer back, with "Connection: close" in it. */
    private void pass(Socket client, BufferedInputStream clientIn, byte[] head) throws IOException {
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            backend.setTcpNoDelay(true);
            OutputStream toBackend = backend.getOutputStream();
            toBackend.write(head);
            toBackend.flush();
            if (clientIn.available() > 0 || hasBody(head)) {
                try {
                    connections.execute(() -> pump(clientIn, toBackend));
                } catch (RejectedExecutionException busy) {
                    pump(clientIn, toBackend); // no thread to spare: the body first, then the answer
                }
            }
            InputStream fromBackend = new BufferedInputStream(backend.getInputStream());
            OutputStream toClient = client.getOutputStream();
            Head answerHead = readAnswerHead(fromBackend);
            if (answerHead == null) {
                return; // the server behind closed without answering (an injected reset): so does this one
            }
            toClient.write(answerHead.bytes());
            fromBackend.transferTo(toClient);
            toClient.flush();
        }
    }

    /** Whether the head announces a body (a length above 0, or chunks) that has still to be passed on. */
    private static boolean hasBody(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return text.contains("\r\ntransfer-encoding:") || text.matches("(?s).*\r\ncontent-length: *[1-9].*");
    }

    /** The answer's status line and headers, its Connection header made "close": this connection ends with it. */
    private static Head readAnswerHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
                line.reset();
                if (text.isEmpty()) {
                    head.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    return new Head(head.toByteArray(), 0, null);
                }
                if (!text.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    head.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
            } else {
                line.write(b);
            }
        }
    }

    private static void pump(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
            to.flush();
        } catch (IOException e) {
            // either side closed: the answer, or its absence, ends the exchange
        }
    }

    private static void answer(Socket client, int status, String message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("message", message));
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        client.shutdownOutput();
        // Whatever else the client sends is read and dropped, so it hears the answer instead of a reset.
        try {
            client.setSoTimeout(1000);
            client.getInputStream().skip(MAX_HEAD_BYTES * 4L);
        } catch (SocketException | SocketTimeoutException ignored) {
            // gone, or silent: either way the answer is out
        }
    }

    private static void refuse(Socket client, int status, String message) {
        try (client) {
            answer(client, status, message);
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 408 -> "Request Timeout";
            case 431 -> "Request Header Fields Too Large";
            default -> "Service Unavailable";
        };
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    @Override
    public void close() {
        try {
            listening.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing the sandbox port: " + e.getMessage());
        }
        connections.shutdownNow();
    }
}
