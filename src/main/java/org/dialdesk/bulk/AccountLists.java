package org.dialdesk.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.UseCase;
import org.dialdesk.service.OrgDirectory;

/** The account's lists by ID, for checking a row's IDs; a list that did not load checks nothing. */
final class AccountLists {
    final Map<String, CallerNumber> numbers;
    final Map<String, UseCase> useCases;
    final Set<String> agents;

    AccountLists(OrgDirectory.Snapshot directory) {
        numbers = directory != null && directory.numbers().ok() ? byId(directory.numbers().items(), CallerNumber::id) : null;
        useCases = directory != null && directory.useCases().ok() ? byId(directory.useCases().items(), UseCase::id) : null;
        agents = directory != null && directory.agents().ok()
                ? directory.agents().items().stream().map(a -> a.id()).collect(Collectors.toSet()) : null;
    }

    static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
