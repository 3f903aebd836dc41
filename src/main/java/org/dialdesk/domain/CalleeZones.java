package org.dialdesk.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callee's time zone from the country of their number, when that is unambiguous: the
 * country has one zone, or all its zones keep the same time at the moment of the call. Otherwise
 * the operator is asked. Data: the tz database's zone.tab, bundled as country-zones.tsv.
 */
public final class CalleeZones {
    private final Map<String, List<ZoneId>> zonesByCountry;

    private CalleeZones(Map<String, List<ZoneId>> zonesByCountry) {
        this.zonesByCountry = zonesByCountry;
    }

    public static CalleeZones load() {
        Map<String, List<ZoneId>> zones = new HashMap<>();
        try (InputStream in = CalleeZones.class.getResourceAsStream("country-zones.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t");
                zones.put(parts[0], Arrays.stream(parts[1].split(" "))
                        .filter(id -> ZoneId.getAvailableZoneIds().contains(id)).map(ZoneId::of).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("country-zones.tsv is missing from the build", e);
        }
        return new CalleeZones(zones);
    }

    public List<ZoneId> zonesOf(String countryCode) {
        return zonesByCountry.getOrDefault(countryCode, List.of());
    }

    /** The zone to use at {@code when}, if every zone of the country shows the same time then. */
    public Optional<ZoneId> unambiguousZone(String countryCode, Instant when) {
        List<ZoneId> zones = zonesOf(countryCode);
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        ZoneOffset first = zones.get(0).getRules().getOffset(when);
        boolean allAgree = zones.stream().allMatch(z -> z.getRules().getOffset(when).equals(first));
        return allAgree ? Optional.of(zones.get(0)) : Optional.empty();
    }
}
