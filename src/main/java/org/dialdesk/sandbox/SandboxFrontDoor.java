package org.dialdesk.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
            try {
                Socket client = listening.accept();
                try {
                    connections.execute(() -> serve(client));
                } catch (RejectedExecutionException busy) {
                    // On the accepting thread: a quick word and close, never a wait on the client.
                    refuse(client, 503, "The sandbox is serving " + MAX_CONNECTIONS + " connections; try again shortly.");
                }
            } catch (Throwable failure) {
                if (listening.isClosed()) {
                    return;
                }
                // Out of file descriptors or threads: this thread must outlive it, and not spin.
                try {
                    LOG.log(System.Logger.Level.WARNING, "Sandbox could not take a connection: " + failure);
                } catch (Throwable loggingFailedToo) {
                    // the logger needs descriptors of its own; the backoff below still applies
                }
                try {
                    Thread.sleep(ACCEPT_BACKOFF_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static final long ACCEPT_BACKOFF_MILLIS = 100;

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            DeadlineInputStream timed = new DeadlineInputStream(client.getInputStream(), new Deadline(client, HEAD_TIMEOUT_MILLIS));
            BufferedInputStream in = new BufferedInputStream(timed);
            RequestHead request;
            try {
                request = RequestHead.read(in);
            } catch (SocketTimeoutException slow) {
                answer(client, 408, "The request's headers did not arrive within " + HEAD_TIMEOUT_MILLIS / 1000
                        + " seconds.");
                return;
            }
            if (request == null) {
                return; // connected and went away without a word
            }
            if (request.problem() != null) {
                answer(client, request.status(), request.problem());
                return;
            }
            if (request.contentLength() > SandboxLimits.MAX_BODY_BYTES) {
                answer(client, 413, "The body is larger than " + SandboxLimits.MAX_BODY_BYTES + " bytes.");
                return;
            }
            timed.use(new Deadline(client, BODY_TIMEOUT_MILLIS));
            pass(client, in, request);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Sandbox connection ended: " + e.getMessage());
        }
    }

    /** One time limit over many reads: a client trickling a byte at a time must not stretch it. */
    private static final class Deadline {
        private final Socket socket;
        private final long endsAt;

        Deadline(Socket socket, int millis) {
            this.socket = socket;
            this.endsAt = System.nanoTime() + millis * 1_000_000L;
        }

        /** Before each read: the socket waits only for what is left. */
        void arm() throws IOException {
            long left = (endsAt - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }
    }

    /** The client's bytes, each read within the deadline in force; the body's deadline replaces the head's. */
    private static final class DeadlineInputStream extends FilterInputStream {
        private Deadline deadline;

        DeadlineInputStream(InputStream in, Deadline deadline) {
            super(in);
            this.deadline = deadline;
        }

        void use(Deadline next) {
            deadline = next;
        }

        @Override
        public int read() throws IOException {
            deadline.arm();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            deadline.arm();
            return super.read(b, off, len);
        }
    }

    /**
     * Reads the whole body first (it is at most 1 MiB), within its own time limit, and only then
     * hands head and body to the server behind in one piece, framed by a length; the answer comes
     * back with "Connection: close" in it. So no handler of the server behind ever waits on a slow
     * client (16 slow uploads held all of them), a request cut short never reaches it, and chunk
     * framing it would refuse is checked here. Everything happens on this connection's one thread.
     */
    private void pass(Socket client, BufferedInputStream clientIn, RequestHead request) throws IOException {
        OutputStream toClient = client.getOutputStream();
        if (request.expectsContinue()) {
            toClient.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            toClient.flush();
        }
        byte[] body;
        try {
            body = request.chunked() ? readChunks(clientIn)
                    : request.contentLength() > 0 ? clientIn.readNBytes((int) request.contentLength()) : new byte[0];
            if (!request.chunked() && body.length < request.contentLength()) {
                throw new EOFException();
            }
        } catch (SocketTimeoutException slow) {
            answer(client, 408, "The request body did not arrive within " + BODY_TIMEOUT_MILLIS / 1000 + " seconds.");
            return;
        } catch (BodyTooLarge large) {
            answer(client, 413, "The body is larger than " + SandboxLimits.MAX_BODY_BYTES + " bytes.");
            return;
        } catch (BadChunks bad) {
            answer(client, 400, "The chunked body is not framed as HTTP/1.1 says: " + bad.getMessage());
            return;
        } catch (EOFException cut) {
            answer(client, 400, "The request ended before its body did.");
            return;
        }
        client.setSoTimeout(0);
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            backend.setTcpNoDelay(true);
            OutputStream toBackend = new BufferedOutputStream(backend.getOutputStream());
            toBackend.write(request.bytes());
            toBackend.write(("Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            toBackend.write(body);
            toBackend.flush();
            InputStream fromBackend = new BufferedInputStream(backend.getInputStream());
            byte[] answerHead = readAnswerHead(fromBackend);
            if (answerHead == null) {
                return; // the server behind closed without answering (an injected reset): so does this one
            }
            // A client that never reads its answer would hold this thread in a write for ever.
            ScheduledFuture<?> stuck = WATCHDOG.schedule(() -> closeQuietly(client), ANSWER_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
            try {
                toClient.write(answerHead);
                fromBackend.transferTo(toClient);
                toClient.flush();
            } finally {
                stuck.cancel(false);
            }
        }
        // Anything more the client sent (pipelined requests) is read and dropped before the close,
        // which would otherwise reset the connection and lose the end of the answer.
        endGently(client);
    }

    /** Milliseconds a client has to send the body its head announced; seconds it has to take the answer. */
    static final int BODY_TIMEOUT_MILLIS = 10_000;
    static final int ANSWER_TIMEOUT_SECONDS = 30;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-door-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("body over the limit");
        }
    }

    private static final class BadChunks extends IOException {
        BadChunks(String problem) {
            super(problem);
        }
    }

    /** A chunked body's data, checked as HTTP/1.1 frames it; trailers are read and dropped. */
    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            String hex = sizeLine.split(";", 2)[0];
            if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
                throw new BadChunks("\"" + (sizeLine.length() > 20 ? sizeLine.substring(0, 20) + "…" : sizeLine)
                        + "\" is not a chunk size in hex.");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // a trailer: nothing of the sandbox's reads them
                }
                return data.toByteArray();
            }
            if (data.size() + size > SandboxLimits.MAX_BODY_BYTES) {
                throw new BodyTooLarge();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException();
            }
            data.write(chunk);
            if (in.read() != '\r' || in.read() != '\n') {
                throw new BadChunks("each chunk's data must be followed by CR LF.");
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException();
            }
            if (line.size() > 1024) {
                throw new BadChunks("a chunk line is over 1,024 bytes.");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (!text.endsWith("\r")) {
            throw new BadChunks("chunk lines end with CR LF.");
        }
        return text.substring(0, text.length() - 1);
    }

    /**
     * The answer's final status line and headers, its Connection header made "close": this
     * connection ends with it. Interim 1xx answers are passed on as they are.
     */
    private static byte[] readAnswerHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean first = true;
        boolean interim = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
                line.reset();
                if (first) {
                    interim = text.matches("HTTP/1\\.[01] 1[0-9][0-9].*");
                    first = false;
                }
                if (text.isEmpty()) {
                    if (interim) {
                        head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        first = true; // the final answer follows
                        continue;
                    }
                    head.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    return head.toByteArray();
                }
                if (interim || !text.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    head.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
            } else {
                line.write(b);
            }
        }
    }

    private static void answer(Socket client, int status, String message) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(answerBytes(status, message));
        out.flush();
        endGently(client);
    }

    /**
     * Ends this side, then reads and drops what the client still sends (the rest of a body, requests
     * sent ahead) for a moment, so it hears the answer rather than a reset.
     */
    private static void endGently(Socket client) {
        try {
            client.shutdownOutput();
            Deadline drain = new Deadline(client, DRAIN_MILLIS);
            byte[] chunk = new byte[64 * 1024];
            long drained = 0;
            InputStream in = client.getInputStream();
            int read = 0;
            while (drained < DRAIN_BYTES && read >= 0) {
                drain.arm();
                read = in.read(chunk);
                drained += Math.max(0, read);
            }
        } catch (IOException ignored) {
            // gone, silent or closed by the watchdog: either way the answer is out
        }
    }

    private static final int DRAIN_MILLIS = 2000;
    private static final long DRAIN_BYTES = 8L * SandboxLimits.MAX_BODY_BYTES;

    private static byte[] answerBytes(int status, String message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("message", message));
        byte[] head = ("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    private static void refuse(Socket client, int status, String message) {
        try (client) {
            client.getOutputStream().write(answerBytes(status, message));
            client.getOutputStream().flush();
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            default -> "Service Unavailable";
        };
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
