package org.dialdesk.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Time zones as people say them: "Pacific Time — Los Angeles (UTC−08:00)", and the list an
 * operator picks from: the tz database's place zones, west to east, without its aliases
 * ("US/Pacific", "SystemV/PST8") that would list the same clock twice.
 */
public final class ZoneNames {
    private static final DateTimeFormatter GENERIC = DateTimeFormatter.ofPattern("vvvv", Locale.ENGLISH);
    private static final Set<String> AREAS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");

    private ZoneNames() {
    }

    /** "Pacific Time — Los Angeles (UTC−08:00)", with the offset in force at {@code at}. */
    public static String label(ZoneId zone, Instant at) {
        String place = place(zone);
        String name = genericName(zone, at);
        String offset = "(" + utcOffset(zone.getRules().getOffset(at)) + ")";
        if (name == null) {
            return place == null ? zone.getId() + " " + offset : place + " " + offset;
        }
        return place == null ? name + " " + offset : name + " — " + place + " " + offset;
    }

    /** "Los Angeles, Pacific Time": short enough for a sentence. */
    public static String shortLabel(ZoneId zone, Instant at) {
        String place = place(zone);
        String name = genericName(zone, at);
        if (place == null) {
            return name == null ? zone.getId() : name;
        }
        return name == null ? place : place + ", " + name;
    }

    /** "UTC−08:00", "UTC+05:30", "UTC+00:00", with a true minus sign. */
    public static String utcOffset(ZoneOffset offset) {
        String id = offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
        return "UTC" + id.replace('-', '−');
    }

    /** The zones to choose among, west to east at {@code at}, always including {@code mustInclude}. */
    public static List<ZoneId> choices(Instant at, ZoneId mustInclude) {
        Stream<ZoneId> places = ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.equals("UTC") || AREAS.contains(id.substring(0, Math.max(0, id.indexOf('/')))))
                .map(ZoneId::of);
        return Stream.concat(places, Stream.ofNullable(mustInclude)).distinct()
                .sorted(Comparator.comparingInt((ZoneId z) -> z.getRules().getOffset(at).getTotalSeconds())
                        .thenComparing(z -> String.valueOf(place(z))))
                .toList();
    }

    /** The place a zone is named after: "Los Angeles", "Buenos Aires"; null for UTC and offset zones. */
    static String place(ZoneId zone) {
        String id = zone.getId();
        int slash = id.lastIndexOf('/');
        if (slash < 0 || id.startsWith("Etc/")) {
            return null;
        }
        return id.substring(slash + 1).replace('_', ' ');
    }

    /** "Pacific Time"; null where Java knows no name but the offset ("GMT-05:00"). */
    private static String genericName(ZoneId zone, Instant at) {
        String name = GENERIC.format(at.atZone(zone));
        return name.startsWith("GMT") || name.startsWith("UTC") && !zone.getId().equals("UTC") ? null : name;
    }
}
