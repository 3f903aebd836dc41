package org.dialdesk.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded dial service: a real HTTP server on 127.0.0.1 that speaks the dial-service
 * contract, simulates call progress and keeps its data in SQLite. Start it, point a client at
 * {@link #baseUrl()} with {@link #apiKey()}, close it when done.
 */
public final class Sandbox implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.dialdesk.sandbox");
    private static final String KEY_META = "api_key";
    private static final String PORT_META = "last_port";
    private static final long TICK_MILLIS = 50;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK and every answer takes ~40 ms. Read once, on first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxStore store;
    private final CallSimulator simulator;
    private final HttpServer server;
    private final SandboxFrontDoor frontDoor;
    private final ExecutorService requestThreads;
    private final ScheduledExecutorService ticker;
    private final String apiKey;
    private final boolean keyGenerated;
    private final SandboxOrganisation org = new SandboxOrganisation();

    private Sandbox(SandboxOptions options) throws IOException, SQLException {
        store = new SandboxStore(options.dataDir());
        try {
            simulator = new CallSimulator(store, options.clock(), options.speed());
            if (options.apiKey() != null && !options.apiKey().isBlank()) {
                apiKey = options.apiKey().strip();
                keyGenerated = false;
            } else {
                String kept = store.meta(KEY_META).orElse(null);
                keyGenerated = kept == null;
                apiKey = kept != null ? kept : generateKey();
                if (keyGenerated) {
                    store.putMeta(KEY_META, apiKey);
                }
            }
            ObjectMapper mapper = SandboxLimits.mapper();
            SandboxService service = new SandboxService(store, simulator, org, mapper);
            // Play out anything that fell due while the sandbox was down before serving.
            simulator.advance();
            limitSlowClients();
            ServerSocket publicPort = bind(options); // first: a port in use fails before anything else is open
            try {
                // Behind the front door, on a port of its own that only the door talks to.
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            } catch (IOException e) {
                publicPort.close();
                throw e;
            }
            frontDoor = new SandboxFrontDoor(publicPort, server.getAddress().getPort());
            if (options.keepPort()) {
                // Only a sandbox that keeps its port records it: `dialdesk sandbox` started on the same folder, on a
                // port of its own, would otherwise move the console's, and the console's runs and commands with it.
                store.putMeta(PORT_META, Integer.toString(frontDoor.port()));
            }
            requestThreads = Executors.newFixedThreadPool(16, daemonThreads("sandbox-http"));
            server.setExecutor(requestThreads);
            Random faultRandom = new Random();
            server.createContext("/", new SandboxHttpHandler(service, apiKey, options.faults(),
                    faultRandom::nextDouble, mapper));
            server.start();
        } catch (IOException | SQLException | RuntimeException e) {
            store.close();
            throw e;
        }
        if (options.autoAdvance()) {
            ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("sandbox-simulator"));
            ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /**
     * How long the JDK's server waits on a client. Each connection's request is read on one of
     * the workers, so without a limit a handful of clients that send half a request (or end lines
     * with a bare LF, which it never sees as an end) held every worker and nobody else was answered.
     * The server reads these once, when its first instance is made: before that, and only where
     * the person running it has not set them.
     */
    private static void limitSlowClients() {
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_SECONDS));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqHeaders", Integer.toString(MAX_HEADERS));
    }

    /** Seconds a client has to send its whole request, and to take the answer. */
    static final int REQUEST_SECONDS = 10;
    static final int RESPONSE_SECONDS = 30;
    /** Above the front door's limit: it adds headers of its own (Content-Length, Connection). */
    static final int MAX_HEADERS = RequestHead.MAX_HEADERS + 10;

    /** The public port asked for; with a kept port, the last run's while it is free, else any free one. */
    private ServerSocket bind(SandboxOptions options) throws IOException, SQLException {
        if (options.port() == 0 && options.keepPort()) {
            Optional<Integer> last = store.meta(PORT_META).flatMap(Sandbox::portNumber);
            if (last.isPresent()) {
                try {
                    return listen(last.get());
                } catch (BindException taken) {
                    LOG.log(System.Logger.Level.INFO, "Sandbox port " + last.get() + " of the last run is taken; "
                            + "taking another (commands copied with the old port need the new one)");
                }
            }
        }
        return listen(options.port());
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true); // a port the last run held a moment ago may still be in TIME_WAIT
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    private static Optional<Integer> portNumber(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port <= 65535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Sandbox start(SandboxOptions options) throws IOException, SQLException {
        return new Sandbox(options);
    }

    private void tick() {
        try {
            simulator.advance();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Sandbox simulation step failed; trying again", e);
        }
    }

    /** Plays every call forward to the clock's present; for tests with a fake clock. */
    public int advance() throws SQLException {
        return simulator.advance();
    }

    /** Adds {@code count} past calls for demos and benchmarks; returns how long it took in ms. */
    public long addDemoCalls(int count, long seed) throws SQLException {
        return new DemoCalls(org, store, simulator.now(), seed).add(count);
    }

    public long callCount() throws SQLException {
        return store.countCalls();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + frontDoor.port() + SandboxHttpHandler.BASE_PATH;
    }

    public int port() {
        return frontDoor.port();
    }

    /** The key clients must send. Shown to the person who runs the sandbox, never logged. */
    public String apiKey() {
        return apiKey;
    }

    /** Whether this start created the key (so it should be shown once). */
    public boolean keyGenerated() {
        return keyGenerated;
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        frontDoor.close();
        server.stop(0);
        requestThreads.shutdownNow();
        try {
            requestThreads.awaitTermination(2, TimeUnit.SECONDS);
            if (ticker != null) {
                ticker.awaitTermination(2, TimeUnit.SECONDS);
            }
            store.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the sandbox database failed", e);
        }
    }

    private static String generateKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "sbx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
