package org.dialdesk.ui.dial;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
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
import org.dialdesk.ui.common.FormFields;
import org.dialdesk.ui.common.Navigation;
import org.dialdesk.ui.common.OnePerFrame;

/** The dial form. Binds to {@link DialViewModel}; every control has a stable id. */
public final class DialView extends BorderPane {
    private final DialViewModel vm;
    private final FormFields form;
    private final Navigation navigation;
    private final ReadOnlyBooleanProperty built;

    /** True once every field of the form is in place (they go in a frame each once it is in a window). */
    public ReadOnlyBooleanProperty builtProperty() {
        return built;
    }

    /** {@code frames}: the window's queue its fields go in by; {@code navigation}: where "Show in history" goes. */
    /** Loads the form's heaviest parts' classes on the calling thread (not the UI thread), before the form is built. */
    public static void warmUp() {
        ParamsEditor.warmUp();
    }

    public DialView(DialViewModel viewModel, OnePerFrame frames, Navigation navigation) {
        this.vm = viewModel;
        this.form = new FormFields(viewModel.errors());
        this.navigation = navigation;
        setId("dialView");
        form.watchOperator(this);

        Label title = new Label("Dial");
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label("Place or schedule one outbound call. Every field is checked before anything is sent.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        Button refresh = new Button("Refresh lists");
        refresh.setId("refreshPickersButton");
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.setOnAction(e -> vm.refreshPickers());
        refresh.setTooltip(new Tooltip("Load the caller numbers, use cases, agents and models again (F5)"));
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
        columns.setId("dialColumns");
        columns.setHgap(28);
        columns.setVgap(12);
        columns.setPadding(new Insets(4, 20, 16, 20));
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.setId("dialForm");
        setCenter(scroll);
        // The form's fields are built and styled a frame each once it is in a window, row by row
        // across both columns. All at once, the form is whole ~90 ms sooner, but the window stands
        // still for 500-800 ms meanwhile; a frame each, for at most ~150 ms (start-up log).
        VBox left = new VBox(12);
        VBox right = new VBox(12);
        columns.add(left, 0, 0);
        columns.add(right, 1, 0);
        // Two columns while each gets a usable width; below that one column, which scrolls: fields
        // keep their width rather than squeeze.
        scroll.viewportBoundsProperty().addListener((obs, old, bounds) -> layOut(columns, left, right, bounds.getWidth()));
        layOut(columns, left, right, Double.MAX_VALUE);
        built = frames.onceInWindow(this, () -> {
            List<Supplier<Node>> leftParts = List.of(this::numberField, this::phoneField, this::useCaseField,
                    this::agentField, this::modelField, this::languageField, this::smallFields, this::legacyPane);
            List<Supplier<Node>> rightParts = List.of(() -> ParamsEditor.of(vm, form), () -> MetadataEditor.of(vm, form),
                    () -> ScheduleEditor.of(vm, form), this::requestPreviewPane);
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
            steps.add(() -> setBottom(new DialActionBar(vm, form, navigation)));
            return steps;
        });

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                // Registered on the scene, so it must check that this form is still the one shown there.
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (getScene() == scene && isVisible()) {
                        DialConfirm.dial(vm, this);
                    }
                });
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
                    if (getScene() == scene && isVisible()) {
                        vm.refreshPickers();
                    }
                });
            }
        });
    }

    /** A picker's button showing its prompt, not a choice: muted as prompt text is. */
    private static final PseudoClass PROMPT = PseudoClass.getPseudoClass("prompt");

    /** Below this width of the form, its two columns become one. */
    static final double TWO_COLUMNS_FROM = 660;
    private static final double FIELD_MIN_WIDTH = 280;

    private static void layOut(GridPane columns, VBox left, VBox right, double width) {
        boolean two = width >= TWO_COLUMNS_FROM;
        if (!columns.getColumnConstraints().isEmpty() && (columns.getColumnConstraints().size() == 2) == two) {
            return;
        }
        ColumnConstraints[] constraints = new ColumnConstraints[two ? 2 : 1];
        for (int i = 0; i < constraints.length; i++) {
            constraints[i] = new ColumnConstraints(FIELD_MIN_WIDTH, Region.USE_COMPUTED_SIZE, Double.MAX_VALUE);
            constraints[i].setPercentWidth(100.0 / constraints.length);
            constraints[i].setHgrow(Priority.ALWAYS);
        }
        columns.getColumnConstraints().setAll(constraints);
        GridPane.setConstraints(right, two ? 1 : 0, two ? 0 : 1);
    }

    // ---------------- left: who, to whom, how ----------------

    private Node numberField() {
        SearchableComboBox<CallerNumber> numberPicker = new SearchableComboBox<>(vm.numbers());
        numberPicker.setId("numberPicker");
        numberPicker.setConverter(FormFields.converter(n -> n.title() + "  " + n.number()));
        numberPicker.setPromptText("Choose the number calls come from");
        bindPicker(numberPicker, vm.numbers(), vm.numberIdProperty(), CallerNumber::id);
        return field("Caller _number", DialViewModel.NUMBER, numberPicker,
                manualId("numberIdField", vm.numberIdProperty(), vm.numbersProblemProperty(), vm.numbers(), CallerNumber::id, "caller numbers"), null);
    }

    private Node phoneField() {
        TextField phone = new TextField();
        phone.setId("phoneField");
        phone.setPromptText("+1 415 555 0125, or a national number");
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        Label phoneSummary = FormFields.hint("phoneSummary");
        phoneSummary.textProperty().bind(vm.phoneSummaryProperty());
        return field("Callee _phone", DialViewModel.PHONE, phone, null, phoneSummary);
    }

    private Node useCaseField() {
        ComboBox<UseCase> useCasePicker = new ComboBox<>(vm.useCases());
        useCasePicker.setId("useCasePicker");
        useCasePicker.setConverter(FormFields.converter(UseCase::name));
        useCasePicker.promptTextProperty().bind(FormFields.defaultUseCaseText(vm.numberIdProperty(), vm.numbers(), vm.useCases()));
        bindPicker(useCasePicker, vm.useCases(), vm.useCaseIdProperty(), UseCase::id);
        return field("_Use case", DialViewModel.USE_CASE, FormFields.withClear(useCasePicker, vm.useCaseIdProperty(), ""),
                manualId("useCaseIdField", vm.useCaseIdProperty(), vm.useCasesProblemProperty(), vm.useCases(), UseCase::id, "use cases"), null);
    }

    private Node agentField() {
        ComboBox<Agent> agentPicker = new ComboBox<>(vm.agents());
        agentPicker.setId("agentPicker");
        agentPicker.setConverter(FormFields.converter(a -> a.name() + (a.languages() == null ? "" : " · " + String.join(", ", a.languages()))));
        agentPicker.setPromptText("The use case's agent");
        bindPicker(agentPicker, vm.agents(), vm.agentIdProperty(), Agent::id);
        return field("_Agent", DialViewModel.AGENT, FormFields.withClear(agentPicker, vm.agentIdProperty(), ""),
                manualId("agentIdField", vm.agentIdProperty(), vm.agentsProblemProperty(), vm.agents(), Agent::id, "agents"), null);
    }

    private Node modelField() {
        ComboBox<CallModel> modelPicker = new ComboBox<>(vm.models());
        modelPicker.setId("modelPicker");
        modelPicker.setConverter(FormFields.converter(m -> m.name() + (m.description() == null ? "" : " · " + m.description())));
        modelPicker.setPromptText("The use case's active models");
        bindPicker(modelPicker, vm.models(), vm.modelIdProperty(), CallModel::id);
        return field("_Model", DialViewModel.MODEL, FormFields.withClear(modelPicker, vm.modelIdProperty(), ""),
                manualId("modelIdField", vm.modelIdProperty(), vm.modelsProblemProperty(), vm.models(), CallModel::id, "models"), null);
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
        // The campaign on a row of its own: IDs there are long, and three across a narrow column cut them off.
        HBox promptAndLimit = new HBox(12, field("P_rompt ID", "prompt_id", prompt, null, null),
                field("Ma_x minutes", DialViewModel.MAX_DURATION, maxDuration, null, null));
        promptAndLimit.getChildren().forEach(child -> HBox.setHgrow(child, Priority.ALWAYS));
        campaign.setMaxWidth(Double.MAX_VALUE);
        return new VBox(12, field("Campa_ign", "campaign_id", campaign, null, null), promptAndLimit);
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

    // ---------------- bottom: result and actions ----------------

    // ---------------- helpers ----------------

    private VBox field(String label, String errorKey, Node input, Node manual, Node below) {
        return form.field(label, errorKey, input, manual, below, input);
    }

    /**
     * A text field for the ID, shown while its list loads or when it cannot be loaded, and when the
     * ID in the form is not one the loaded list has (a typed one, or one the list has since lost):
     * the operator always sees what will be sent.
     */
    private <T> Node manualId(String id, StringProperty value, ObservableStringValue problem, ObservableList<T> items,
                              Function<T, String> idOf, String what) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText("24-character ID");
        field.textProperty().bindBidirectional(value);
        field.setAccessibleText("ID typed by hand");
        StringBinding why = Bindings.createStringBinding(() -> {
            if (problem.get() != null) {
                return problem.get();
            }
            String typed = value.get() == null ? "" : value.get().strip();
            boolean unknown = !items.isEmpty() && !typed.isEmpty()
                    && items.stream().noneMatch(item -> typed.equals(idOf.apply(item)));
            return unknown ? "Not one of the " + what + " listed: it is sent as typed. Choose from the list, or check the ID." : null;
        }, problem, value, items);
        Label reason = new Label();
        reason.setWrapText(true);
        reason.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        reason.textProperty().bind(why);
        VBox box = new VBox(4, reason, field);
        // Kept while the caret is in it, so a list arriving mid-typing does not whisk the field away.
        box.visibleProperty().bind(Bindings.isNotNull(why).or(field.focusedProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Keeps a picker's selection and the view model's ID in step, also when the list reloads. */
    private static <T> void bindPicker(ComboBox<T> picker, ObservableList<T> items, StringProperty id,
                                       Function<T, String> idOf) {
        picker.setMaxWidth(Double.MAX_VALUE);
        if (!(picker instanceof SearchableComboBox)) {
            // JavaFX's own button cell stays blank once a chosen value is taken back (Clear, Undo):
            // this one shows the prompt again ("The use case's agent").
            picker.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    boolean none = empty || item == null;
                    setText(none ? picker.getPromptText() : picker.getConverter().toString(item));
                    pseudoClassStateChanged(PROMPT, none);
                }
            });
        }
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
}
