package org.dialdesk.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to run the sandbox.
 *
 * @param port         0 for any free port
 * @param dataDir      where its SQLite database lives
 * @param speed        how much faster than real time calls progress
 * @param apiKey       the key clients must send; null to use (or create) the one kept in the data folder
 * @param faults       share of requests to fail on purpose
 * @param clock        time source; tests pass a fake one
 * @param autoAdvance  whether a background ticker plays calls forward (tests advance by hand)
 * @param keepPort     with port 0: take the port of the last run again when it is free, so that a
 *                     command copied then (a curl line) still reaches the sandbox
 */
public record SandboxOptions(int port, Path dataDir, double speed, String apiKey, FaultPlan faults, Clock clock,
                             boolean autoAdvance, boolean keepPort) {

    public SandboxOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
        if (!(speed > 0) || speed > 10_000) {
            throw new IllegalArgumentException("speed must be above 0 and at most 10000, was " + speed);
        }
    }

    /** Any free port, real-time speed, no faults, calls played forward on {@code clock} by a background ticker. */
    public static SandboxOptions defaults(Path dataDir, Clock clock) {
        return new SandboxOptions(0, dataDir, 1.0, null, FaultPlan.NONE, clock, true, false);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, dataDir, speed, apiKey, faults, clock, autoAdvance, keepPort);
    }

    public SandboxOptions withSpeed(double newSpeed) {
        return new SandboxOptions(port, dataDir, newSpeed, apiKey, faults, clock, autoAdvance, keepPort);
    }

    public SandboxOptions withApiKey(String key) {
        return new SandboxOptions(port, dataDir, speed, key, faults, clock, autoAdvance, keepPort);
    }

    public SandboxOptions withFaults(FaultPlan plan) {
        return new SandboxOptions(port, dataDir, speed, apiKey, plan, clock, autoAdvance, keepPort);
    }

    public SandboxOptions withClock(Clock newClock, boolean newAutoAdvance) {
        return new SandboxOptions(port, dataDir, speed, apiKey, faults, newClock, newAutoAdvance, keepPort);
    }

    /** Port 0 the first time, then the last run's port while it is free. */
    public SandboxOptions withKeptPort() {
        return new SandboxOptions(port, dataDir, speed, apiKey, faults, clock, autoAdvance, true);
    }

    @Override
    public String toString() {
        return "SandboxOptions[port=" + port + ", dataDir=" + dataDir + ", speed=" + speed + ", faults=" + faults + "]";
    }
}
