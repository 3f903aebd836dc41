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
    /** The use cases were asked for and could not be read (not merely not loaded yet). */
    private final boolean useCasesFailed;

    AccountLists(OrgDirectory.Snapshot directory) {
        numbers = directory != null && directory.numbers().ok() ? byId(directory.numbers().items(), CallerNumber::id) : null;
        useCases = directory != null && directory.useCases().ok() ? byId(directory.useCases().items(), UseCase::id) : null;
        agents = directory != null && directory.agents().ok()
                ? directory.agents().items().stream().map(a -> a.id()).collect(Collectors.toSet()) : null;
        useCasesFailed = directory != null && !directory.useCases().ok();
    }

    /**
     * Why a row's prompt variables cannot be checked, or null. The service does not check them: a row
     * sent anyway would ring someone with its prompt's blanks unfilled. So when the use cases could not be
     * read, a row with a use case (its own, or its caller number's default, or a number whose default is
     * not known) is held back.
     */
    String variablesUnchecked(String useCaseId, String numberId) {
        if (!useCasesFailed) {
            return null;
        }
        CallerNumber number = numbers == null ? null : numbers.get(numberId);
        boolean hasUseCase = useCaseId != null || numbers == null || number != null && number.useCaseId() != null;
        return hasUseCase ? "The account's use cases could not be read, so whether this row fills its prompt's"
                + " variables cannot be checked. Import the file again once the account's lists can be read." : null;
    }

    static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
