package org.dialdesk.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/** 24-hex-character IDs shaped like the service's (seconds, random, counter), so they sort by creation. */
final class Ids {
    private final SecureRandom random = new SecureRandom();
    private final byte[] process = new byte[5];
    private final AtomicInteger counter;

    Ids() {
        random.nextBytes(process);
        counter = new AtomicInteger(random.nextInt(0xFFFFFF));
    }

    String next(long epochMillis) {
        int seconds = (int) (epochMillis / 1000);
        int count = counter.getAndIncrement() & 0xFFFFFF;
        return String.format("%08x", seconds) + HexFormat.of().formatHex(process) + String.format("%06x", count);
    }
}
