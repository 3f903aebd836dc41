package org.dialdesk.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
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
 * The callee's time zone from their number. libphonenumber's prefix data names the zones a
 * number's prefix (an area code, say) is used in: +1 415 is Los Angeles' alone, a US mobile range
 * may span several. When the prefix data knows nothing, the country's zones from the tz
 * database's zone.tab (bundled as country-zones.tsv) stand in. The zone is unambiguous when there
 * is one, or all keep the same time at the moment of the call; otherwise the operator is asked.
 */
public final class CalleeZones {
    /** Read once: the JDK copies the whole set on every call, which a bulk preview would do per row. */
    private static final java.util.Set<String> KNOWN_ZONES = java.util.Set.copyOf(ZoneId.getAvailableZoneIds());
    /** What the prefix data answers for a number it has no zone for. */
    private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();
    /** Kept: the library hands out its instance under a lock, which a preview's threads would take per number. */
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final Map<String, List<ZoneId>> zonesByCountry;
    /** The prefix data as a table; empty when it could not be read so, and the library is asked. */
    private final Optional<PrefixZones> table;

    private CalleeZones(Map<String, List<ZoneId>> zonesByCountry, Optional<PrefixZones> table) {
        this.zonesByCountry = zonesByCountry;
        this.table = table;
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
        return new CalleeZones(zones, PrefixZones.read(KNOWN_ZONES));
    }

    /** The country's zones, whatever the number. */
    public List<ZoneId> zonesOf(String countryCode) {
        return zonesByCountry.getOrDefault(countryCode, List.of());
    }

    /** The zones the callee's number may be in: its prefix's, or its country's when the prefix data knows none. */
    public List<ZoneId> zonesFor(PhoneCheck.Result phone) {
        if (!phone.ok()) {
            return List.of();
        }
        List<ZoneId> byPrefix = byPrefix(phone);
        return byPrefix.isEmpty() ? zonesOf(phone.regionCode()) : byPrefix;
    }

    /** The zone to use at {@code when}, if every zone the number may be in shows the same time then. */
    public Optional<ZoneId> unambiguousZone(PhoneCheck.Result phone, Instant when) {
        List<ZoneId> zones = zonesFor(phone);
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        if (zones.size() == 1) {
            return Optional.of(zones.get(0)); // most numbers: asked for every row of a file, so no offsets worked out
        }
        ZoneOffset first = zones.get(0).getRules().getOffset(when);
        for (int i = 1; i < zones.size(); i++) {
            if (!zones.get(i).getRules().getOffset(when).equals(first)) {
                return Optional.empty();
            }
        }
        return Optional.of(zones.get(0));
    }

    private List<ZoneId> byPrefix(PhoneCheck.Result phone) {
        List<ZoneId> known = PhoneCheck.prefixZonesOf(phone);
        if (known != null) {
            return known;
        }
        List<ZoneId> zones = lookUp(phone);
        PhoneCheck.keepPrefixZones(phone, zones);
        return zones;
    }

    private List<ZoneId> lookUp(PhoneCheck.Result phone) {
        try {
            // The number and type the check found: parsing it or typing it again was most of a bulk preview's time.
            com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsed = PhoneCheck.parsedOf(phone);
            PhoneNumberUtil.PhoneNumberType type = PhoneCheck.typeOf(phone);
            if (parsed == null || type == null) {
                parsed = UTIL.parse(phone.e164(), "ZZ");
                type = UTIL.getNumberType(parsed);
            }
            return lookUp(parsed, type);
        } catch (NumberParseException e) {
            return List.of(); // an E.164 the check produced always parses; nothing to add if not
        }
    }

    /** What the library's getTimeZonesForNumber answers for a number of this type, as zones. */
    List<ZoneId> lookUp(com.google.i18n.phonenumbers.Phonenumber.PhoneNumber number, PhoneNumberUtil.PhoneNumberType type) {
        if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
            return List.of();
        }
        boolean geographical = UTIL.isNumberGeographical(type, number.getCountryCode());
        String digits = number.getCountryCode() + (geographical ? UTIL.getNationalSignificantNumber(number) : "");
        if (table.isPresent() && digits.length() <= 18) {
            return table.get().zonesOf(Long.parseLong(digits));
        }
        return byLibrary(number, geographical);
    }

    /** The library's own answer, as zones. */
    static List<ZoneId> byLibrary(com.google.i18n.phonenumbers.Phonenumber.PhoneNumber number, boolean geographical) {
        PhoneNumberToTimeZonesMapper prefixes = PhoneNumberToTimeZonesMapper.getInstance();
        List<String> ids = geographical ? prefixes.getTimeZonesForGeographicalNumber(number) : prefixes.getTimeZonesForNumber(number);
        return ZONES_OF.computeIfAbsent(ids, CalleeZones::known);
    }

    /** The few distinct answers of the prefix data, as zones: a preview asks for 100,000 numbers. */
    private static final Map<List<String>, List<ZoneId>> ZONES_OF = new java.util.concurrent.ConcurrentHashMap<>();

    /** Zones this Java's tz data does not know are left out rather than guessed at. */
    private static List<ZoneId> known(List<String> ids) {
        return ids.stream().filter(id -> !id.equals(UNKNOWN) && KNOWN_ZONES.contains(id)).map(ZoneId::of).toList();
    }
}
