package org.dialdesk.ui.history;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.dialdesk.domain.Dashboard;
import org.dialdesk.ui.common.FormFields;

/** The dashboard of the calls the filter shows: status mix, calls per day, outcome per campaign. */
final class DashboardPane extends ScrollPane {
    /** Calls per day shows the last month at most: more bars than that cannot be read. */
    private static final int DAYS_SHOWN = 30;

    private final PieChart mix = new PieChart();
    private final BarChart<String, Number> perDay = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final StackedBarChart<String, Number> perCampaign = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());

    DashboardPane(HistoryViewModel vm) {
        mix.setId("statusMixChart");
        mix.setTitle("Status mix");
        mix.setLegendSide(Side.RIGHT);
        mix.setPrefHeight(220);
        perDay.setId("callsPerDayChart");
        perDay.setTitle("Calls per day");
        perDay.setLegendVisible(false);
        perDay.setAnimated(false);
        perDay.setPrefHeight(200);
        perCampaign.setId("outcomePerCampaignChart");
        perCampaign.setTitle("Outcome per campaign");
        perCampaign.setAnimated(false);
        perCampaign.setPrefHeight(240);
        Label problem = new Label();
        problem.setId("dashboardProblem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        FormFields.showWhenSet(problem, vm.dashboardProblemProperty());

        show(vm.dashboardProperty().get());
        vm.dashboardProperty().addListener((obs, old, figures) -> show(figures));
        VBox box = new VBox(8, problem, mix, perDay, perCampaign);
        box.setPadding(new Insets(8));
        setContent(box);
        setFitToWidth(true);
    }

    private void show(Dashboard figures) {
        mix.getData().setAll(figures.statusMix().entrySet().stream()
                .map(e -> new PieChart.Data(e.getKey() + " (" + e.getValue() + ")", e.getValue())).toList());
        XYChart.Series<String, Number> days = new XYChart.Series<>();
        figures.perDay().entrySet().stream().skip(Math.max(0, figures.perDay().size() - DAYS_SHOWN))
                .forEach(e -> days.getData().add(new XYChart.Data<>(e.getKey().toString().substring(5), e.getValue())));
        perDay.getData().setAll(List.of(days));
        Set<String> statuses = new TreeSet<>();
        figures.outcomesPerCampaign().values().forEach(m -> statuses.addAll(m.keySet()));
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (String status : statuses) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(status);
            for (Map.Entry<String, Map<String, Long>> campaign : figures.outcomesPerCampaign().entrySet()) {
                s.getData().add(new XYChart.Data<>(campaign.getKey(), campaign.getValue().getOrDefault(status, 0L)));
            }
            series.add(s);
        }
        perCampaign.getData().setAll(series);
    }
}
