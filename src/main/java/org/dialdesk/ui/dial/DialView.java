package org.dialdesk.ui.dial;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.dialdesk.api.Agent;
import org.dialdesk.api.CallModel;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.Language;
import org.dialdesk.api.LegacyModel;
import org.dialdesk.api.UseCase;
import org.dialdesk.ui.common.JsonHighlighter;
import org.dialdesk.ui.common.BusyRing;
import org.dialdesk.ui.common.OnePerFrame;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/** The dial form. Binds to {@link DialViewModel}; every control has a stable id. */
public final class DialView extends BorderPane {
    private final DialViewModel vm;
    /** Fields the operator has been in: their problems show only then, not on a fresh form. */
    private final Set<String> touched = new HashSet<>();
    /** Focus moves on its own while the window opens; only the operator's own moves mark fields touched. */
    private boolean operatorActive;
    private final Label attention = new Label();
    private final java.util.Map<String, Label> errorLabels = new java.util.HashMap<>();
    private java.util.function.Consumer<String> showInHistory;
    private final javafx.beans.property.ReadOnlyBooleanProperty built;

    /** True once every field of the form is in place (they go in a frame each once it is in a window). */
    public javafx.beans.property.ReadOnlyBooleanProperty builtProperty() {
        return built;
    }

    /** Where "Show in history" goes; without it the button is not offered. */
    public void setShowInHistory(java.util.function.Consumer<String> action) {
        this.showInHistory = action;
    }

    public DialView(DialViewModel viewModel) {
        this.vm = viewModel;
        setId("dialView");
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> operatorActive = true);
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> operatorActive = true);

        Label title = new Label("Dial");
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label("Place or schedule one outbound call. Every field is checked before anything is sent.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        Button refresh = new Button("Refresh lists");
        refresh.setId("refreshPickersButton");
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.setOnAction(e -> vm.refreshPickers());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox heading = new VBox(2, title, subtitle);
        HBox.setHgrow(heading, Priority.SOMETIMES);
        HBox header = new HBox(12, heading, spacer, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(16, 20, 8, 20));
        setTop(header);

        GridPane columns = new GridPane();
        columns.setHgap(28);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        columns.getColumnConstraints().addAll(half, half);
        columns.setPadding(new Insets(4, 20, 16, 20));
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.setId("dialForm");
        setCenter(scroll);
        // The form's fields are built and styled a frame each once it is in a window, row by row
        // across both columns: all at once, the first time, they keep the UI thread busy for about
        // a second (each control looked up in the style sheets and given its skin).
        VBox left = new VBox(12);
        VBox right = new VBox(12);
        columns.add(left, 0, 0);
        columns.add(right, 1, 0);
        built = OnePerFrame.onceInWindow(this, () -> {
            List<Supplier<Node>> leftParts = List.of(this::numberField, this::phoneField, this::useCaseField,
                    this::agentField, this::modelField, this::languageField, this::smallFields, this::legacyPane);
            List<Supplier<Node>> rightParts = List.of(this::paramsField, this::metadataEditor, this::schedule,
                    this::requestPreviewPane);
            List<Runnable> steps = new ArrayList<>();
            for (int i = 0; i < Math.max(leftParts.size(), rightParts.size()); i++) {
                if (i < leftParts.size()) {
                    Supplier<Node> part = leftParts.get(i);
                    steps.add(() -> left.getChildren().add(part.get()));
                }
                if (i < rightParts.size()) {
                    Supplier<Node> part = rightParts.get(i);
                    steps.add(() -> right.getChildren().add(part.get()));
                }
            }
            steps.add(() -> setBottom(actionBar()));
            return steps;
        });

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                // Registered on the scene, so it must check that this form is still the one shown there.
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (getScene() == scene && isVisible()) {
                        vm.dial();
                    }
                });
            }
        });
    }

    // ---------------- left: who, to whom, how ----------------

    private Node numberField() {
        SearchableComboBox<CallerNumber> numberPicker = new SearchableComboBox<>(vm.numbers());
        numberPicker.setId("numberPicker");
        numberPicker.setConverter(converter(n -> n.title() + "  " + n.number()));
        numberPicker.setPromptText("Choose the number calls come from");
        bindPicker(numberPicker, vm.numbers(), vm.numberIdProperty(), CallerNumber::id);
        return field("Caller _number", DialViewModel.NUMBER, numberPicker,
                manualId("numberIdField", vm.numberIdProperty(), vm.numbersProblemProperty()), null);
    }

    private Node phoneField() {
        TextField phone = new TextField();
        phone.setId("phoneField");
        phone.setPromptText("+1 415 555 0125, or a national number");
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        Label phoneSummary = hint("phoneSummary");
        phoneSummary.textProperty().bind(vm.phoneSummaryProperty());
        return field("Callee _phone", DialViewModel.PHONE, phone, null, phoneSummary);
    }

    private Node useCaseField() {
        ComboBox<UseCase> useCasePicker = new ComboBox<>(vm.useCases());
        useCasePicker.setId("useCasePicker");
        useCasePicker.setConverter(converter(UseCase::name));
        useCasePicker.setPromptText("The caller number's default");
        bindPicker(useCasePicker, vm.useCases(), vm.useCaseIdProperty(), UseCase::id);
        return field("_Use case", DialViewModel.USE_CASE, withClear(useCasePicker, vm.useCaseIdProperty()),
                manualId("useCaseIdField", vm.useCaseIdProperty(), vm.useCasesProblemProperty()), null);
    }

    private Node agentField() {
        ComboBox<Agent> agentPicker = new ComboBox<>(vm.agents());
        agentPicker.setId("agentPicker");
        agentPicker.setConverter(converter(a -> a.name() + (a.languages() == null ? "" : " · " + String.join(", ", a.languages()))));
        agentPicker.setPromptText("The use case's agent");
        bindPicker(agentPicker, vm.agents(), vm.agentIdProperty(), Agent::id);
        return field("_Agent", DialViewModel.AGENT, withClear(agentPicker, vm.agentIdProperty()),
                manualId("agentIdField", vm.agentIdProperty(), vm.agentsProblemProperty()), null);
    }

    private Node modelField() {
        ComboBox<CallModel> modelPicker = new ComboBox<>(vm.models());
        modelPicker.setId("modelPicker");
        modelPicker.setConverter(converter(m -> m.name() + (m.description() == null ? "" : " · " + m.description())));
        modelPicker.setPromptText("Active models of the chosen use case");
        bindPicker(modelPicker, vm.models(), vm.modelIdProperty(), CallModel::id);
        return field("_Model", DialViewModel.MODEL, withClear(modelPicker, vm.modelIdProperty()),
                manualId("modelIdField", vm.modelIdProperty(), vm.modelsProblemProperty()), null);
    }

    private Node languageField() {
        ComboBox<Language> languagePicker = new ComboBox<>();
        languagePicker.setId("languagePicker");
        languagePicker.getItems().add(null);
        languagePicker.getItems().addAll(Language.values());
        StringConverter<Language> languageNames = new StringConverter<>() {
            @Override
            public String toString(Language language) {
                return language == null ? vm.languageDefaultProperty().get() : language.displayName() + " (" + language.tag() + ")";
            }

            @Override
            public Language fromString(String text) {
                return null;
            }
        };
        languagePicker.setConverter(languageNames);
        languagePicker.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Language item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : languageNames.toString(item));
            }
        });
        languagePicker.setButtonCell(languagePicker.getCellFactory().call(null));
        languagePicker.valueProperty().bindBidirectional(vm.languageProperty());
        vm.languageDefaultProperty().addListener((obs, old, now) -> languagePicker.setButtonCell(
                languagePicker.getCellFactory().call(null)));
        return field("_Language", "language", languagePicker, null, null);
    }

    /** Campaign, prompt ID and the duration limit, side by side. */
    private Node smallFields() {
        ComboBox<String> campaign = new ComboBox<>(vm.recentCampaigns());
        campaign.setId("campaignField");
        campaign.setEditable(true);
        campaign.setPromptText("Optional campaign ID");
        campaign.getEditor().textProperty().bindBidirectional(vm.campaignProperty());
        TextField prompt = new TextField();
        prompt.setId("promptField");
        prompt.setPromptText("Default outbound prompt");
        prompt.textProperty().bindBidirectional(vm.promptIdProperty());
        TextField maxDuration = new TextField();
        maxDuration.setId("maxDurationField");
        maxDuration.setPromptText("Use case's limit, else 10");
        maxDuration.textProperty().bindBidirectional(vm.maxDurationProperty());
        GridPane small = new GridPane();
        small.setHgap(12);
        small.add(field("Ca_mpaign", "campaign_id", campaign, null, null), 0, 0);
        small.add(field("P_rompt ID", "prompt_id", prompt, null, null), 1, 0);
        small.add(field("Max m_inutes", DialViewModel.MAX_DURATION, maxDuration, null, null), 2, 0);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setPercentWidth(40);
        ColumnConstraints mid = new ColumnConstraints();
        mid.setPercentWidth(30);
        small.getColumnConstraints().addAll(wide, mid, mid);
        return small;
    }

    private Node legacyPane() {
        TextField assistant = new TextField();
        assistant.setId("assistantIdField");
        assistant.textProperty().bindBidirectional(vm.assistantIdProperty());
        TextField voice = new TextField();
        voice.setId("voiceIdField");
        voice.textProperty().bindBidirectional(vm.voiceIdProperty());
        ComboBox<LegacyModel> model = new ComboBox<>();
        model.setId("legacyModelPicker");
        model.getItems().add(null);
        model.getItems().addAll(LegacyModel.values());
        model.setPromptText("Not sent");
        model.valueProperty().bindBidirectional(vm.legacyModelProperty());
        VBox content = new VBox(10,
                field("assistant_id (deprecated: use Use case)", "assistant_id", assistant, null, null),
                field("voice_id (deprecated: the agent's voice is used)", "voice_id", voice, null, null),
                field("model (deprecated: use Model)", "model", model, null, null));
        TitledPane legacy = new TitledPane("Legacy fields (deprecated)", content);
        legacy.setId("legacyFields");
        legacy.setExpanded(false);
        legacy.getStyleClass().add(Styles.DENSE);
        return legacy;
    }

    // ---------------- right: what the agent knows, when ----------------

    private Node paramsField() {
        CodeArea params = new CodeArea();
        params.setId("paramsEditor");
        params.getStyleClass().add("json-editor");
        params.setParagraphGraphicFactory(LineNumberFactory.get(params));
        params.setWrapText(true);
        params.setAccessibleText("Params: JSON injected into the use case's prompt template");
        params.replaceText(vm.paramsProperty().get());
        params.setStyleSpans(0, JsonHighlighter.highlight(params.getText()));
        params.textProperty().addListener((obs, old, text) -> {
            if (!text.equals(vm.paramsProperty().get())) {
                vm.paramsProperty().set(text);
            }
            params.setStyleSpans(0, JsonHighlighter.highlight(text));
        });
        vm.paramsProperty().addListener((obs, old, text) -> {
            if (!text.equals(params.getText())) {
                params.replaceText(text);
            }
        });
        VirtualizedScrollPane<CodeArea> paramsScroll = new VirtualizedScrollPane<>(params);
        paramsScroll.setPrefHeight(130);
        paramsScroll.setMinHeight(90);
        Label paramsStatus = hint("paramsStatus");
        paramsStatus.textProperty().bind(vm.paramsStatusProperty());
        Button format = new Button("F_ormat");
        format.setId("formatParamsButton");
        format.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        format.setOnAction(e -> vm.formatParams());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox paramsFooter = new HBox(8, paramsStatus, gap, format);
        paramsFooter.setAlignment(Pos.CENTER_LEFT);
        Label variables = hint("templateVariables");
        variables.textProperty().bind(Bindings.createStringBinding(() -> vm.templateVariables().isEmpty() ? ""
                : "Template variables: " + String.join(", ", vm.templateVariables().stream().map(v -> "{{" + v + "}}").toList()),
                vm.templateVariables()));
        Label missing = new Label();
        missing.setId("missingVariables");
        missing.setWrapText(true);
        missing.getStyleClass().add(Styles.WARNING);
        showWhenSet(missing, vm.missingVariablesProperty());
        Label preview = new Label();
        preview.setId("templatePreview");
        preview.setWrapText(true);
        preview.getStyleClass().addAll("template-preview", Styles.TEXT_SMALL);
        preview.textProperty().bind(vm.templatePreviewProperty());
        preview.visibleProperty().bind(vm.templatePreviewProperty().isNotEmpty());
        preview.managedProperty().bind(preview.visibleProperty());
        VBox paramsBox = new VBox(4, paramsScroll, paramsFooter, variables, missing, preview);
        return field("P_arams (JSON)", DialViewModel.PARAMS, paramsBox, null, null, params);
    }

    private Node requestPreviewPane() {
        TextArea request = new TextArea();
        request.setId("requestPreview");
        request.setEditable(false);
        request.setPrefRowCount(9);
        request.getStyleClass().add("monospace");
        request.textProperty().bind(vm.requestPreviewProperty());
        TitledPane requestPane = new TitledPane("Request that will be sent", request);
        requestPane.setId("requestPreviewPane");
        requestPane.setExpanded(false);
        requestPane.getStyleClass().add(Styles.DENSE);
        return requestPane;
    }

    private Node metadataEditor() {
        VBox rows = new VBox(6);
        rows.setId("metadataRows");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (int i = 0; i < vm.metadataRows().size(); i++) {
                rows.getChildren().add(metadataRow(vm.metadataRows().get(i), i));
            }
        };
        vm.metadataRows().addListener((ListChangeListener<MetadataRow>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= change.wasAdded() || change.wasRemoved() || change.wasPermutated();
            }
            if (structural) {
                rebuild.run();
            }
        });
        rebuild.run();
        Button add = new Button("Add field");
        add.setId("addMetadataButton");
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.setOnAction(e -> {
            vm.addMetadataRow();
            // Straight into the new row's key, so "Add field" then typing just works.
            Node key = rows.lookup("#metadataKey" + (vm.metadataRows().size() - 1));
            if (key != null) {
                key.requestFocus();
            }
        });
        ToggleButton jsonMode = new ToggleButton("Edit as JSON");
        jsonMode.setId("metadataJsonToggle");
        jsonMode.getStyleClass().add(Styles.SMALL);
        jsonMode.setSelected(vm.metadataJsonModeProperty().get());
        jsonMode.setOnAction(e -> {
            vm.setMetadataJsonMode(jsonMode.isSelected());
            jsonMode.setSelected(vm.metadataJsonModeProperty().get());
        });
        TextArea json = new TextArea();
        json.setId("metadataJsonField");
        json.setPrefRowCount(4);
        json.getStyleClass().add("monospace");
        json.setPromptText("{\"crm_id\": \"42\"}");
        json.textProperty().bindBidirectional(vm.metadataJsonProperty());
        rows.visibleProperty().bind(vm.metadataJsonModeProperty().not());
        rows.managedProperty().bind(rows.visibleProperty());
        add.visibleProperty().bind(rows.visibleProperty());
        json.visibleProperty().bind(vm.metadataJsonModeProperty());
        json.managedProperty().bind(json.visibleProperty());
        HBox tools = new HBox(8, add, jsonMode);
        VBox editor = new VBox(6, rows, json, tools);
        editor.setId("metadataEditor");
        return field("M_etadata", DialViewModel.METADATA, editor, null, null, add);
    }

    private Node metadataRow(MetadataRow row, int index) {
        TextField key = new TextField();
        key.setId("metadataKey" + index);
        key.setPromptText("key");
        key.textProperty().bindBidirectional(row.keyProperty());
        key.setAccessibleText("Metadata key");
        TextField value = new TextField();
        value.setId("metadataValue" + index);
        value.setPromptText("value");
        value.textProperty().bindBidirectional(row.valueProperty());
        value.setAccessibleText("Metadata value");
        Button remove = new Button("✕");
        remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        remove.setAccessibleText("Remove this metadata field");
        remove.setOnAction(e -> vm.removeMetadataRow(row));
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox box = new HBox(6, key, value, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node schedule() {
        CheckBox later = new CheckBox("Schedule for _later");
        later.setId("scheduleLaterToggle");
        later.selectedProperty().bindBidirectional(vm.scheduleLaterProperty());
        DatePicker date = new DatePicker();
        date.setId("scheduleDate");
        date.valueProperty().bindBidirectional(vm.scheduleDateProperty());
        date.setPrefWidth(150);
        date.setAccessibleText("Date to call on");
        TextField time = new TextField();
        time.setId("scheduleTime");
        time.setPromptText("9:30");
        time.setPrefColumnCount(5);
        time.setAccessibleText("Time to call at, hours and minutes; arrow keys step 5 minutes");
        time.textProperty().bindBidirectional(vm.scheduleTimeProperty());
        time.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                time.setText(TimeSteps.step(time.getText(), e.getCode() == KeyCode.UP ? 5 : -5));
                e.consume();
            }
        });
        SearchableComboBox<ZoneId> zone = new SearchableComboBox<>();
        zone.setId("scheduleZone");
        zone.getItems().setAll(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList());
        zone.valueProperty().bindBidirectional(vm.scheduleZoneProperty());
        zone.setConverter(converter(ZoneId::getId));
        zone.setAccessibleText("Time zone of the date and time above");
        HBox.setHgrow(zone, Priority.ALWAYS);
        zone.setMaxWidth(Double.MAX_VALUE);
        // It stretches to its row anyway; without a preferred width the first layout would measure
        // a cell for each of the ~600 zones to find the widest name.
        zone.setPrefWidth(200);
        HBox when = new HBox(8, date, time, zone);
        when.setAlignment(Pos.CENTER_LEFT);
        when.disableProperty().bind(vm.scheduleLaterProperty().not());

        ComboBox<ZoneId> calleeZone = new ComboBox<>();
        calleeZone.setId("calleeZonePicker");
        calleeZone.setItems(vm.calleeZoneChoices());
        calleeZone.setConverter(converter(ZoneId::getId));
        calleeZone.setPromptText("Callee's time zone");
        calleeZone.valueProperty().bindBidirectional(vm.calleeZoneProperty());
        calleeZone.visibleProperty().bind(Bindings.isNotEmpty(vm.calleeZoneChoices()));
        calleeZone.managedProperty().bind(calleeZone.visibleProperty());

        Label summary = hint("scheduleSummary");
        summary.textProperty().bind(vm.scheduleSummaryProperty());
        Label warning = new Label();
        warning.setId("callingHoursWarning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.WARNING);
        showWhenSet(warning, vm.callingHoursWarningProperty());
        VBox box = new VBox(6, later, when, calleeZone, summary, warning);
        return field("When", DialViewModel.SCHEDULE, box, null, null, later);
    }

    // ---------------- bottom: result and actions ----------------

    private Node actionBar() {
        Label result = new Label();
        result.setId("dialResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.outcomeMessageProperty());
        vm.outcomeProperty().addListener((obs, old, outcome) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            switch (outcome) {
                case CREATED, FOUND_AFTER_ALL -> result.getStyleClass().add(Styles.SUCCESS);
                case REJECTED, NOT_SENT -> result.getStyleClass().add(Styles.DANGER);
                case UNCERTAIN -> result.getStyleClass().add(Styles.WARNING);
                default -> { }
            }
            if (outcome == DialViewModel.Outcome.REJECTED || outcome == DialViewModel.Outcome.NOT_SENT) {
                touched.addAll(vm.errors().keySet());
                vm.errors().keySet().forEach(this::refreshError);
            }
        });

        Button copyId = new Button("Copy ID");
        copyId.setId("copyCallIdButton");
        copyId.getStyleClass().add(Styles.SMALL);
        copyId.setOnAction(e -> copy(vm.createdCallIdProperty().get()));
        copyId.visibleProperty().bind(vm.createdCallIdProperty().isNotNull());
        copyId.managedProperty().bind(copyId.visibleProperty());
        Button inHistory = new Button("Show in history");
        inHistory.setId("showInHistoryButton");
        inHistory.getStyleClass().add(Styles.SMALL);
        inHistory.setOnAction(e -> {
            if (showInHistory != null) {
                showInHistory.accept(vm.createdCallIdProperty().get());
            }
        });
        inHistory.visibleProperty().bind(vm.createdCallIdProperty().isNotNull());
        inHistory.managedProperty().bind(inHistory.visibleProperty());
        Button dialAgain = new Button("Dial a_gain");
        dialAgain.setId("dialAgainButton");
        dialAgain.getStyleClass().add(Styles.SMALL);
        dialAgain.setOnAction(e -> vm.dialAgain());
        dialAgain.visibleProperty().bind(vm.outcomeProperty().isEqualTo(DialViewModel.Outcome.CREATED)
                .or(vm.outcomeProperty().isEqualTo(DialViewModel.Outcome.FOUND_AFTER_ALL)));
        dialAgain.managedProperty().bind(dialAgain.visibleProperty());
        Button checkAgain = new Button("Check history again");
        checkAgain.setId("checkHistoryButton");
        checkAgain.getStyleClass().add(Styles.SMALL);
        checkAgain.setOnAction(e -> vm.checkHistory());
        checkAgain.disableProperty().bind(vm.checkingHistoryProperty());
        Button anyway = new Button("Dial again anyway…");
        anyway.setId("dialAnywayButton");
        anyway.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        anyway.setOnAction(e -> confirmDialAnyway());
        for (Button b : List.of(checkAgain, anyway)) {
            b.visibleProperty().bind(vm.outcomeProperty().isEqualTo(DialViewModel.Outcome.UNCERTAIN));
            b.managedProperty().bind(b.visibleProperty());
        }

        attention.setId("formProblems");
        attention.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        attention.textProperty().bind(Bindings.createStringBinding(() -> vm.errors().isEmpty() ? ""
                : vm.errors().size() == 1 ? "1 field needs attention" : vm.errors().size() + " fields need attention",
                vm.errors()));
        Tooltip problems = new Tooltip();
        problems.textProperty().bind(vm.requestPreviewProperty());
        attention.setTooltip(problems);

        Button curl = new Button("Copy as curl");
        curl.setId("copyCurlButton");
        curl.setOnAction(e -> copy(vm.curlProperty().get()));
        curl.disableProperty().bind(vm.validProperty().not());
        Button clear = new Button("Clear");
        clear.setId("clearButton");
        clear.setOnAction(e -> {
            touched.clear();
            vm.clear();
        });
        clear.disableProperty().bind(vm.inFlightProperty());
        Node progress = BusyRing.of(20);
        progress.visibleProperty().bind(vm.inFlightProperty().or(vm.checkingHistoryProperty()));
        Button dial = new Button("_Dial");
        dial.setId("dialButton");
        dial.getStyleClass().add(Styles.ACCENT);
        dial.setDefaultButton(false);
        dial.setMinWidth(110);
        dial.textProperty().bind(Bindings.when(vm.inFlightProperty()).then("Dialling…")
                .otherwise(Bindings.when(vm.scheduleLaterProperty()).then("_Schedule").otherwise("_Dial")));
        dial.disableProperty().bind(vm.canDialProperty().not());
        dial.setOnAction(e -> vm.dial());
        dial.setTooltip(new Tooltip("Place the call (Ctrl+Enter)"));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        for (Button b : List.of(copyId, inHistory, dialAgain, checkAgain, anyway)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox resultBox = new HBox(8, result, inHistory, copyId, dialAgain, checkAgain, anyway);
        resultBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.SOMETIMES);
        HBox.setHgrow(resultBox, Priority.ALWAYS);
        HBox buttons = new HBox(8, attention, progress, curl, clear, dial);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, resultBox, gap, buttons);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 20, 10, 20));
        bar.getStyleClass().add("dial-action-bar");
        return bar;
    }

    private void confirmDialAnyway() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "The last dial to this number may already have been placed. Sending it again can ring the "
                        + "person twice. Send it again?", ButtonType.CANCEL, ButtonType.YES);
        confirm.setHeaderText("Dial again without knowing the outcome?");
        confirm.initOwner(getScene() == null ? null : getScene().getWindow());
        confirm.showAndWait().filter(ButtonType.YES::equals).ifPresent(b -> vm.dialAgainAnyway());
    }

    private static void copy(String text) {
        if (text == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    // ---------------- helpers ----------------

    private VBox field(String label, String errorKey, Node input, Node manual, Node below) {
        return field(label, errorKey, input, manual, below, input);
    }

    /** A labelled field with its mnemonic, its problem (once touched) and optional extras. */
    private VBox field(String label, String errorKey, Node input, Node manual, Node below, Node focusTarget) {
        Label caption = new Label(label);
        caption.setMnemonicParsing(true);
        caption.setLabelFor(focusTarget);
        caption.getStyleClass().add("field-label");
        if (focusTarget instanceof Control control && control.getAccessibleText() == null) {
            control.setAccessibleText(label.replace("_", ""));
        }
        VBox box = new VBox(4, caption, input);
        if (manual != null) {
            box.getChildren().add(manual);
        }
        if (below != null) {
            box.getChildren().add(below);
        }
        box.getChildren().add(errorLabel(errorKey));
        touchOnFocusLoss(focusTarget, errorKey);
        if (manual != null) {
            touchOnFocusLoss(manual, errorKey);
        }
        return box;
    }

    private Label errorLabel(String key) {
        return errorLabels.computeIfAbsent(key, k -> {
            Label error = new Label();
            error.setId(k.replace("_", "") + "Error");
            error.setWrapText(true);
            error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            error.managedProperty().bind(error.visibleProperty());
            vm.errors().addListener((MapChangeListener<String, String>) change -> {
                if (change.getKey().equals(k)) {
                    refreshError(k);
                }
            });
            error.setVisible(false);
            return error;
        });
    }

    private void refreshError(String key) {
        Label label = errorLabels.get(key);
        if (label == null) {
            return;
        }
        String message = vm.errors().get(key);
        label.setText(message);
        label.setVisible(message != null && touched.contains(key));
    }

    private void touchOnFocusLoss(Node node, String key) {
        node.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && operatorActive) {
                touched.add(key);
                refreshError(key);
            }
        });
        if (node instanceof Control control) {
            // SearchableComboBox and CodeArea focus inner nodes; catch those too.
            control.focusWithinProperty().addListener((obs, was, within) -> {
                if (!within && operatorActive) {
                    touched.add(key);
                    refreshError(key);
                }
            });
        }
    }

    private static Label hint(String id) {
        Label hint = new Label();
        hint.setId(id);
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return hint;
    }

    private static void showWhenSet(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotNull(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** When a list cannot be loaded, a text field takes the ID instead. */
    private Node manualId(String id, StringProperty value, javafx.beans.value.ObservableStringValue problem) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText("24-character ID");
        field.textProperty().bindBidirectional(value);
        field.setAccessibleText("ID typed by hand");
        Label why = new Label();
        why.setWrapText(true);
        why.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        why.textProperty().bind(problem);
        VBox box = new VBox(4, why, field);
        box.visibleProperty().bind(Bindings.isNotNull(problem));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Node withClear(ComboBox<?> picker, StringProperty id) {
        Button clear = new Button("✕");
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setAccessibleText("Clear this choice");
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> id.set(""));
        clear.visibleProperty().bind(id.isNotEmpty());
        picker.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(picker, Priority.ALWAYS);
        HBox box = new HBox(4, picker, clear);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Keeps a picker's selection and the view model's ID in step, also when the list reloads. */
    private static <T> void bindPicker(ComboBox<T> picker, ObservableList<T> items, StringProperty id,
                                       Function<T, String> idOf) {
        picker.setMaxWidth(Double.MAX_VALUE);
        Runnable select = () -> {
            T match = items.stream().filter(item -> Objects.equals(idOf.apply(item), id.get())).findFirst().orElse(null);
            if (picker.getValue() != match) {
                picker.setValue(match);
            }
        };
        items.addListener((ListChangeListener<T>) change -> select.run());
        id.addListener((obs, old, now) -> select.run());
        picker.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !idOf.apply(chosen).equals(id.get())) {
                id.set(idOf.apply(chosen));
            }
        });
        select.run();
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
