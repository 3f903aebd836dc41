package org.dialdesk.ui.dial;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dialdesk.ui.common.FormFields;
import org.dialdesk.ui.common.TabMovesFocus;
import org.dialdesk.ui.common.JsonHighlighter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/** The params JSON editor: highlighted, with where it breaks, Format, the template's variables and a filled-in preview. */
final class ParamsEditor {
    private ParamsEditor() {
    }

    /**
     * Makes one editor that is never shown, on the calling thread: its classes (RichTextFX, Flowless,
     * ReactFX) are loaded, initialised and linked there, not on the UI thread while the Dial form is
     * built, where making the first editor was the longest wait of the start. RichTextFX supports
     * making its areas off the UI thread.
     */
    static void warmUp() {
        CodeArea area = new CodeArea();
        area.getStyleClass().add("json-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.setWrapText(true);
        area.replaceText("{\"name\": \"value\"}");
        area.setStyleSpans(0, JsonHighlighter.highlight(area.getText()));
        new VirtualizedScrollPane<>(area);
    }

    static Node of(DialViewModel vm, FormFields form) {
        CodeArea params = new CodeArea();
        params.setId("paramsEditor");
        params.getStyleClass().add("json-editor");
        params.setParagraphGraphicFactory(LineNumberFactory.get(params));
        params.setWrapText(true);
        TabMovesFocus.install(params);
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
        Label paramsStatus = FormFields.hint("paramsStatus");
        paramsStatus.textProperty().bind(vm.paramsStatusProperty());
        Button format = new Button("_Format");
        format.setId("formatParamsButton");
        format.getStyleClass().add(Styles.SMALL);
        format.setOnAction(e -> vm.formatParams());
        format.setTooltip(new Tooltip("Indent the params as JSON (Alt+F)"));
        format.setMinWidth(Region.USE_PREF_SIZE); // a long parse problem beside it wraps instead
        paramsStatus.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(paramsStatus, Priority.ALWAYS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox paramsFooter = new HBox(8, paramsStatus, gap, format);
        paramsFooter.setAlignment(Pos.CENTER_LEFT);
        Label variables = FormFields.hint("templateVariables");
        variables.textProperty().bind(Bindings.createStringBinding(() -> vm.templateVariables().isEmpty() ? ""
                : "Template variables: " + String.join(", ", vm.templateVariables().stream().map(v -> "{{" + v + "}}").toList()),
                vm.templateVariables()));
        Label missing = new Label();
        missing.setId("missingVariables");
        missing.setWrapText(true);
        missing.getStyleClass().add(Styles.WARNING);
        FormFields.showWhenSet(missing, vm.missingVariablesProperty());
        Label preview = new Label();
        preview.setId("templatePreview");
        preview.setWrapText(true);
        preview.getStyleClass().addAll("template-preview", Styles.TEXT_SMALL);
        preview.textProperty().bind(vm.templatePreviewProperty());
        preview.visibleProperty().bind(vm.templatePreviewProperty().isNotEmpty());
        preview.managedProperty().bind(preview.visibleProperty());
        VBox paramsBox = new VBox(4, paramsScroll, paramsFooter, variables, missing, preview);
        return form.field("Params (_JSON)", DialViewModel.PARAMS, paramsBox, null, null, params);
    }
}
