package org.dialdesk.domain;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.prefixmapper.PrefixTimeZonesMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * libphonenumber's prefix-to-time-zone data (about 3,300 prefixes, up to nine digits of country
 * code and number) as a table of zones by prefix, looked up by the longest prefix of a number, as
 * the library does. The library's own look-up writes the number out as text once for every
 * prefix length and takes a global lock for each number; a bulk preview asks for 100,000 numbers,
 * and that look-up was a fifth of its time. {@code PrefixZonesTest} holds the answers to the library's.
 */
final class PrefixZones {
    /** Where the library keeps the data it reads (PhoneNumberToTimeZonesMapper's own file). */
    private static final String DATA = "/com/google/i18n/phonenumbers/timezones/data/map_data";

    private final Map<Long, Zones> zonesByPrefix;
    private final int longestPrefix;

    /**
     * One answer of the data, shared by the prefixes that give it. Its zones are made when first
     * asked for: making all 400-odd of them up front, each with its rules, took 0.1 s of opening a profile.
     */
    private static final class Zones {
        private final List<String> ids;
        private final Set<String> knownZones;
        private volatile List<ZoneId> zones;

        Zones(List<String> ids, Set<String> knownZones) {
            this.ids = ids;
            this.knownZones = knownZones;
        }

        List<ZoneId> zones() {
            List<ZoneId> made = zones;
            if (made == null) {
                made = ids.stream().filter(knownZones::contains).map(ZoneId::of).toList();
                zones = made;
            }
            return made;
        }
    }

    private PrefixZones(Map<Long, Zones> zonesByPrefix, int longestPrefix) {
        this.zonesByPrefix = zonesByPrefix;
        this.longestPrefix = longestPrefix;
    }

    /**
     * Reads the data; empty if it cannot be read as expected (a later library keeping it otherwise),
     * and the library's look-up is used instead.
     */
    static Optional<PrefixZones> read(Set<String> knownZones) {
        PrefixTimeZonesMap map = new PrefixTimeZonesMap();
        try (InputStream data = PhoneNumberToTimeZonesMapper.class.getResourceAsStream(DATA)) {
            if (data == null) {
                return Optional.empty();
            }
            map.readExternal(new ObjectInputStream(data));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        // The map lists its entries as "prefix|zone&zone&…" lines: its only way to show them.
        Map<Long, Zones> zones = new HashMap<>();
        Map<String, Zones> shared = new HashMap<>();
        int longest = 0;
        for (String line : map.toString().split("\n")) {
            int bar = line.indexOf('|');
            if (bar < 1 || bar > 18 || !line.substring(0, bar).chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            String ids = line.substring(bar + 1);
            zones.put(Long.parseLong(line, 0, bar, 10), shared.computeIfAbsent(ids,
                    all -> new Zones(List.of(all.split("&")), knownZones)));
            longest = Math.max(longest, bar);
        }
        return zones.isEmpty() ? Optional.empty() : Optional.of(new PrefixZones(zones, longest));
    }

    /**
     * The zones of the longest prefix of {@code digits} (country code and national number, as
     * digits) the data has; empty when it has none. Zones this Java does not know are left out.
     */
    List<ZoneId> zonesOf(long digits) {
        int length = digitCount(digits);
        long prefix = digits;
        for (int i = length; i > longestPrefix; i--) {
            prefix /= 10;
        }
        for (int i = Math.min(length, longestPrefix); i > 0; i--, prefix /= 10) {
            Zones zones = zonesByPrefix.get(prefix);
            if (zones != null) {
                return zones.zones();
            }
        }
        return List.of();
    }

    private static int digitCount(long value) {
        int count = 1;
        while (value >= 10) {
            value /= 10;
            count++;
        }
        return count;
    }
}
