package org.dialdesk.sandbox;

import java.util.Locale;

/**
 * Shares of requests that fail the way real networks and services do, for tests and drills.
 * Written as {@code 500=0.05,429=0.1,reset=0.02,slow=0.1,drop=0.02,slow-ms=3000,retry-after=2}.
 *
 * @param serverError  answered 500 before anything is done
 * @param rateLimited  answered 429 with {@code Retry-After: retryAfterSeconds}, nothing done
 * @param reset        connection closed before anything is done
 * @param slow         answered after {@code slowMillis} more
 * @param dropAfter    carried out, then the connection is closed with no answer
 */
public record FaultPlan(double serverError, double rateLimited, double reset, double slow, double dropAfter,
                        long slowMillis, int retryAfterSeconds) {
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0, 2000, 1);

    public FaultPlan {
        double total = serverError + rateLimited + reset + slow + dropAfter;
        for (double share : new double[] {serverError, rateLimited, reset, slow, dropAfter}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("Each fault share is between 0 and 1");
            }
        }
        if (total > 1) {
            throw new IllegalArgumentException("Fault shares add up to more than 1 (" + total + ")");
        }
        if (slowMillis < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("slow-ms and retry-after cannot be negative");
        }
    }

    public boolean isNone() {
        return serverError + rateLimited + reset + slow + dropAfter == 0;
    }

    enum Fault { NONE, SERVER_ERROR, RATE_LIMITED, RESET, SLOW, DROP_AFTER }

    /** Which fault a request gets for a uniform draw in [0, 1). */
    Fault pick(double draw) {
        double edge = serverError;
        if (draw < edge) {
            return Fault.SERVER_ERROR;
        }
        if (draw < (edge += rateLimited)) {
            return Fault.RATE_LIMITED;
        }
        if (draw < (edge += reset)) {
            return Fault.RESET;
        }
        if (draw < (edge += slow)) {
            return Fault.SLOW;
        }
        if (draw < edge + dropAfter) {
            return Fault.DROP_AFTER;
        }
        return Fault.NONE;
    }

    public static FaultPlan parse(String spec) {
        double serverError = 0, rateLimited = 0, reset = 0, slow = 0, drop = 0;
        long slowMs = NONE.slowMillis;
        int retryAfter = NONE.retryAfterSeconds;
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Write faults as name=share, e.g. 500=0.05,reset=0.01 (got \"" + part + "\")");
            }
            String name = kv[0].strip().toLowerCase(Locale.ROOT);
            String value = kv[1].strip();
            try {
                switch (name) {
                    case "500" -> serverError = Double.parseDouble(value);
                    case "429" -> rateLimited = Double.parseDouble(value);
                    case "reset" -> reset = Double.parseDouble(value);
                    case "slow" -> slow = Double.parseDouble(value);
                    case "drop" -> drop = Double.parseDouble(value);
                    case "slow-ms" -> slowMs = Long.parseLong(value);
                    case "retry-after" -> retryAfter = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("Unknown fault \"" + name
                            + "\"; use 500, 429, reset, slow, drop, slow-ms or retry-after");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Fault " + name + " needs a number, got \"" + value + "\"");
            }
        }
        return new FaultPlan(serverError, rateLimited, reset, slow, drop, slowMs, retryAfter);
    }
}
