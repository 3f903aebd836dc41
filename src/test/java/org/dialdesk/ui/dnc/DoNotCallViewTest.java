package org.dialdesk.ui.dnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.dialdesk.bulk.DoNotCallSheet;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.service.DoNotCallRecords;
import org.dialdesk.store.DoNotCallList;
import org.dialdesk.testing.FxTestKit;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.ui.common.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The do-not-call screen as a supervisor uses it: a number typed, checked, added, seen in the list and removed. */
class DoNotCallViewTest {
    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final FxTestKit kit = new FxTestKit(robot);
    final Clock clock = TestClocks.ticking();
    DoNotCallList list;
    FxTaskRunner runner;
    DoNotCallViewModel vm;

    @BeforeEach
    void show() throws Exception {
        PhoneCheck.loadAllCountries();
        list = new DoNotCallList(dir.resolve("do-not-call.db"));
        runner = new FxTaskRunner(1);
        vm = new DoNotCallViewModel(new DoNotCallRecords(list, clock), DoNotCallSheet::lines, runner, "US",
                ZoneId.of("America/Chicago"));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(new DoNotCallView(vm), 1100, 640);
            scene.getStylesheets().add(DoNotCallView.class.getResource("/org/dialdesk/ui/dialdesk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        runner.shutdown();
        list.close();
    }

    TableView<DoNotCallViewModel.Row> table() {
        @SuppressWarnings("unchecked")
        TableView<DoNotCallViewModel.Row> table = kit.byId("dncTable", TableView.class);
        return table;
    }

    @Test
    void aNumberAddedThroughTheScreenShowsInTheTableAndCanBeRemoved() throws Exception {
        robot.clickOn("#dncAddButton");
        kit.waitUntil(() -> kit.byId("dncPhoneField", TextField.class).isFocused());

        robot.write("(312) 555-01");
        robot.type(KeyCode.ENTER);
        kit.waitUntil(() -> kit.byId("dncPhoneError", Label.class).isVisible());
        assertTrue(kit.onFx(() -> kit.byId("dncPhoneError", Label.class).getText()).startsWith("Not a valid United States number"),
                kit.onFx(() -> kit.byId("dncPhoneError", Label.class).getText()));
        assertEquals("(312) 555-01", kit.onFx(() -> kit.byId("dncPhoneField", TextField.class).getText()),
                "the field keeps what was typed");
        assertEquals(0, list.count());

        robot.write("00");
        kit.waitUntil(() -> !kit.byId("dncPhoneError", Label.class).isVisible());
        assertEquals("+1 312-555-0100 · United States", kit.onFx(() -> kit.byId("dncPhoneSummary", Label.class).getText()));
        kit.type("dncNoteField", "asked us on the phone");
        robot.type(KeyCode.ENTER);

        kit.waitUntil(() -> table().getItems().size() == 1);
        DoNotCallViewModel.Row row = kit.onFx(() -> table().getItems().get(0));
        assertEquals("+1 312-555-0100", row.number());
        assertEquals("+13125550100", row.e164());
        assertEquals("asked us on the phone", row.note());
        kit.waitUntil(() -> table().getSelectionModel().getSelectedItem() != null);
        assertEquals("", kit.onFx(() -> kit.byId("dncPhoneField", TextField.class).getText()), "ready for the next number");
        assertEquals("Listed +1 312-555-0100: no profile dials it from now on.",
                kit.onFx(() -> kit.byId("dncMessage", Label.class).getText()));
        assertTrue(list.find("+13125550100").isPresent());

        robot.clickOn("#dncRemoveButton");
        kit.waitUntil(() -> robot.lookup("#dncConfirmRemoveButton").tryQuery().isPresent());
        Label question = robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class);
        assertEquals("Remove +1 312-555-0100 from the do-not-call list?", question.getText());
        robot.clickOn("#dncConfirmRemoveButton");
        kit.waitUntil(() -> table().getItems().isEmpty());
        assertEquals(0, list.count());
        assertTrue(kit.onFx(() -> kit.byId("dncRemoveButton", Button.class).isDisabled()), "nothing left to remove");
    }

    @Test
    void theSearchBoxFiltersAsTyped() throws Exception {
        DoNotCallRecords records = new DoNotCallRecords(list, clock);
        records.add("+13125550100", "US", "asked us");
        records.add("+14155550199", "US", "lawyer");
        kit.onFx(() -> {
            vm.refresh();
            return null;
        });
        kit.waitUntil(() -> table().getItems().size() == 2);
        kit.type("dncSearch", "415 555");
        kit.waitUntil(() -> table().getItems().size() == 1);
        assertEquals("+14155550199", kit.onFx(() -> table().getItems().get(0).e164()));
        assertEquals("1 of 2 numbers", kit.onFx(() -> kit.byId("dncSummary", Label.class).getText()));
    }
}
