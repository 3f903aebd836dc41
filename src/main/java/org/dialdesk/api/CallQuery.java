package org.dialdesk.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query of {@code GET /calls}. List filters go comma-separated; empty ones are left out.
 * {@code from}/{@code to} are dates (the service documents dates, not instants).
 */
public record CallQuery(
        String type,
        Integer limit,
        Integer skip,
        List<String> statuses,
        List<String> tags,
        List<String> models,
        List<String> ratings,
        List<String> useCases,
        List<String> campaigns,
        LocalDate from,
        LocalDate to,
        Sort sort,
        String search) {

    /** The service's documented ceiling for one page. */
    public static final int MAX_LIMIT = 2000;

    public enum Sort { asc, desc }

    public CallQuery {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (skip != null && skip < 0) {
            throw new IllegalArgumentException("skip must not be negative, was " + skip);
        }
        statuses = copy(statuses);
        tags = copy(tags);
        models = copy(models);
        ratings = copy(ratings);
        useCases = copy(useCases);
        campaigns = copy(campaigns);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public static CallQuery all() {
        return builder().build();
    }

    /** Query parameters in a stable order, as they go on the wire. */
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "type", type);
        put(parameters, "limit", limit == null ? null : limit.toString());
        put(parameters, "skip", skip == null ? null : skip.toString());
        putList(parameters, "statuses", statuses);
        putList(parameters, "tags", tags);
        putList(parameters, "models", models);
        putList(parameters, "ratings", ratings);
        putList(parameters, "use_cases", useCases);
        putList(parameters, "campaigns", campaigns);
        put(parameters, "from", from == null ? null : from.toString());
        put(parameters, "to", to == null ? null : to.toString());
        put(parameters, "sort", sort == null ? null : sort.name());
        put(parameters, "search", search);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value.strip());
        }
    }

    private static void putList(Map<String, String> parameters, String name, List<String> values) {
        if (!values.isEmpty()) {
            parameters.put(name, String.join(",", values));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type; b.limit = limit; b.skip = skip; b.statuses = statuses; b.tags = tags;
        b.models = models; b.ratings = ratings; b.useCases = useCases; b.campaigns = campaigns;
        b.from = from; b.to = to; b.sort = sort; b.search = search;
        return b;
    }

    public static final class Builder {
        private String type;
        private Integer limit;
        private Integer skip;
        private List<String> statuses;
        private List<String> tags;
        private List<String> models;
        private List<String> ratings;
        private List<String> useCases;
        private List<String> campaigns;
        private LocalDate from;
        private LocalDate to;
        private Sort sort;
        private String search;

        public Builder type(String v) { type = v; return this; }
        public Builder limit(Integer v) { limit = v; return this; }
        public Builder skip(Integer v) { skip = v; return this; }
        public Builder statuses(List<String> v) { statuses = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }
        public Builder models(List<String> v) { models = v; return this; }
        public Builder ratings(List<String> v) { ratings = v; return this; }
        public Builder useCases(List<String> v) { useCases = v; return this; }
        public Builder campaigns(List<String> v) { campaigns = v; return this; }
        public Builder from(LocalDate v) { from = v; return this; }
        public Builder to(LocalDate v) { to = v; return this; }
        public Builder sort(Sort v) { sort = v; return this; }
        public Builder search(String v) { search = v; return this; }

        public CallQuery build() {
            return new CallQuery(type, limit, skip, statuses, tags, models, ratings, useCases,
                    campaigns, from, to, sort, search);
        }
    }
}
