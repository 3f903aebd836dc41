package org.dialdesk.ui.history;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.CheckComboBox;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallStatus;

/** The history's filters: search, status, use case, campaign, type, dates and "Clear filters", bound to the view model. */
final class HistoryFilterBar {
    private HistoryFilterBar() {
    }

    /** The filter controls, in the order they stand in the bar. */
    static List<Node> controls(HistoryViewModel vm) {
        CheckComboBox<String> statuses = new CheckComboBox<>();
        statuses.setId("statusFilter");
        statuses.getItems().setAll(Arrays.stream(CallStatus.values()).filter(s -> s != CallStatus.UNKNOWN)
                .map(CallStatus::wireName).toList());
        statuses.titleProperty().bind(vm.statusFilterTitleProperty());
        // A fixed width: the title grows with the statuses chosen ("Status: Busy, Failed") and would
        // otherwise push the rest of the bar onto a new line as it does.
        Tooltip chosen = new Tooltip();
        chosen.textProperty().bind(Bindings.createStringBinding(() -> vm.statusFilter().isEmpty()
                ? "Show only calls in the statuses ticked" : "Showing " + String.join(", ", vm.statusFilter()),
                vm.statusFilter()));
        statuses.setTooltip(chosen);
        statuses.setPrefWidth(160);
        statuses.setMaxWidth(160);
        statuses.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c ->
                vm.statusFilter().setAll(statuses.getCheckModel().getCheckedItems()));
        vm.statusFilter().addListener((ListChangeListener<String>) c -> {
            if (!vm.statusFilter().equals(statuses.getCheckModel().getCheckedItems())) {
                statuses.getCheckModel().clearChecks();
                vm.statusFilter().forEach(statuses.getCheckModel()::check);
            }
        });

        ComboBox<String> useCase = choice("useCaseFilter", "All use cases", vm.useCaseNames());
        useCase.valueProperty().addListener((o, a, v) -> vm.useCaseFilterProperty().set(v == null ? "" : v));
        vm.useCaseFilterProperty().addListener((o, a, v) -> useCase.setValue(v.isEmpty() ? null : v));
        ComboBox<String> campaign = choice("campaignFilter", "All campaigns", vm.campaigns());
        campaign.valueProperty().addListener((o, a, v) -> vm.campaignFilterProperty().set(v == null ? "" : v));
        vm.campaignFilterProperty().addListener((o, a, v) -> campaign.setValue(v.isEmpty() ? null : v));
        ComboBox<String> type = choice("typeFilter", "All types",
                FXCollections.observableArrayList(Call.TYPE_OUTBOUND, Call.TYPE_INBOUND));
        type.valueProperty().addListener((o, a, v) -> vm.typeFilterProperty().set(v == null ? "" : v));
        vm.typeFilterProperty().addListener((o, a, v) -> type.setValue(v.isEmpty() ? null : v));

        DatePicker from = new DatePicker();
        from.setId("fromDateFilter");
        from.setPromptText("From");
        from.setPrefWidth(112);
        from.valueProperty().bindBidirectional(vm.fromDateProperty());
        DatePicker to = new DatePicker();
        to.setId("toDateFilter");
        to.setPromptText("To");
        to.setPrefWidth(112);
        to.valueProperty().bindBidirectional(vm.toDateProperty());

        TextField search = new TextField();
        search.setId("historySearch");
        search.setPromptText("Search phone, name…");
        search.setPrefColumnCount(12);
        search.setAccessibleText("Search calls by phone number or extracted data");
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button clear = new Button("Clear filters");
        clear.setId("clearFiltersButton");
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setOnAction(e -> vm.clearFilters());
        clear.disableProperty().bind(vm.filteredProperty().not());

        return List.of(search, statuses, useCase, campaign, type, from, to, clear);
    }

    private static ComboBox<String> choice(String id, String prompt, ObservableList<String> items) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPromptText(prompt);
        box.getItems().add(null);
        // Filled when it opens: updating a combo box's items while rows load stalls the UI thread.
        box.setOnShowing(e -> {
            if (box.getItems().size() != items.size() + 1 || !box.getItems().subList(1, box.getItems().size()).equals(items)) {
                String selected = box.getValue();
                box.getItems().setAll(items);
                box.getItems().add(0, null);
                box.setValue(selected);
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? prompt : item);
            }
        });
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? prompt : item);
            }
        });
        return box;
    }
}
