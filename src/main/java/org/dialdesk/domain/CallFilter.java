package org.dialdesk.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The history's filters as the operator set them: statuses (none: all), use case, campaign and
 * type (blank: all), a date range in the operator's zone, and the search box's words.
 */
public record CallFilter(Set<String> statuses, String useCase, String campaign, String type,
                         LocalDate from, LocalDate to, List<String> terms) {
    /** Lets every call through. */
    public static final CallFilter NONE = new CallFilter(Set.of(), "", "", "", null, null, List.of());

    public CallFilter {
        statuses = Set.copyOf(statuses);
        useCase = useCase == null ? "" : useCase;
        campaign = campaign == null ? "" : campaign;
        type = type == null ? "" : type;
        terms = List.copyOf(terms);
    }

    /** The filters with the search box's text split into its terms (see {@link #searchTerms}). */
    public static CallFilter of(Collection<String> statuses, String useCase, String campaign, String type,
                                LocalDate from, LocalDate to, String search) {
        return new CallFilter(Set.copyOf(statuses), useCase, campaign, type, from, to, List.of(searchTerms(search)));
    }

    /** Words of the search box, lower case; a phone number typed with spaces or dashes is one term. */
    public static String[] searchTerms(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.matches("[+\\d(][\\d\\s().-]*")) { // "(415) 555-0125" too
            return new String[] {lower.replaceAll("[\\s().-]", "")};
        }
        return lower.split("\\s+");
    }

    /** Which rows pass; dates are whole days in {@code zone}. */
    public Predicate<HistoryRow> predicate(ZoneId zone) {
        Long fromMs = from == null ? null : from.atStartOfDay(zone).toInstant().toEpochMilli();
        Long toMs = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        String[] words = terms.toArray(String[]::new);
        return row -> (statuses.isEmpty() || statuses.contains(row.status()))
                && (useCase.isBlank() || useCase.equals(row.useCase()))
                && (campaign.isBlank() || campaign.equals(row.campaign()))
                && (type.isBlank() || type.equals(row.type()))
                && (fromMs == null || row.createdMs() >= fromMs)
                && (toMs == null || row.createdMs() < toMs)
                && matches(row.searchText(), words);
    }

    private static boolean matches(String text, String[] terms) {
        if (terms.length == 0) {
            return true;
        }
        if (text == null) {
            return false;
        }
        for (String term : terms) {
            if (!text.contains(term)) {
                return false;
            }
        }
        return true;
    }
}
