package org.dialdesk.ui.common;

import java.time.ZoneId;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SearchableComboBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * Builds and styles, off the UI thread, a throwaway copy of each kind of control the screens use,
 * while the window first opens. The first use of a control kind loads, verifies and links hundreds
 * of classes (the JSON editor alone pulls in RichTextFX, Flowless and ReactFX) and creates its skin
 * through code that has never run; done on the UI thread when a screen is built, that froze the
 * window for over half a second. Done here, the screens find it all ready.
 *
 * <p>JavaFX allows nodes and scenes that are not in a showing window to be built and styled on any
 * thread (its style manager locks for this). Nothing here is laid out: labelled skins measure text
 * through one shared layout object that only the UI thread may use.
 */
public final class UiWarmUp {
    private UiWarmUp() {
    }

    /**
     * Call off the UI thread once the toolkit runs; takes a few hundred milliseconds.
     *
     * @param stylesheets the window's own style sheets, so that their rules' code paths run too
     */
    public static void run(List<String> stylesheets) {
        CodeArea editor = new CodeArea();
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.replaceText("{\"name\": \"Ada\", \"visits\": [1, 2.5, true, null]}");
        editor.setStyleSpans(0, JsonHighlighter.highlight(editor.getText()));

        ComboBox<String> editable = new ComboBox<>();
        editable.setEditable(true);
        TableView<String> table = new TableView<>();
        table.getColumns().add(new TableColumn<String, String>("column"));
        VBox root = new VBox(new VirtualizedScrollPane<>(editor), new SearchableComboBox<String>(), new ComboBox<String>(),
                editable, new CheckComboBox<String>(), new TextField(), new TextArea(), new DatePicker(),
                new CheckBox("check"), new ToggleButton("toggle"), new Button("button"), new Label("label"),
                new TitledPane("titled", new Label()), new ProgressBar(), table, new SplitPane(new VBox(), new VBox()),
                new TabPane(new Tab("tab", new Label())));
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();

        // The schedule's zone picker lists every zone: their rules are read from the time-zone database once.
        ZoneId.getAvailableZoneIds().forEach(ZoneId::of);
    }
}
