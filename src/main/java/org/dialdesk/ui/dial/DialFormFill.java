package org.dialdesk.ui.dial;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialdesk.api.Call;
import org.dialdesk.api.Language;
import org.dialdesk.api.LegacyModel;
import org.dialdesk.domain.DialDraft;

/** The dial form's fields to and from what fills them: the saved draft, an earlier call, an empty form. */
final class DialFormFill {
    /** Metadata the service adds to every call itself; not the operator's. */
    private static final Set<String> SERVICE_METADATA = Set.of("call_sid", "from", "to", "tags");

    private DialFormFill() {
    }

    /** The form as typed, field by field (not yet validated), so a restart or a crash loses nothing. */
    static DialDraft toDraft(DialViewModel vm) {
        return new DialDraft(vm.numberIdProperty().get(), vm.phoneProperty().get(), vm.useCaseIdProperty().get(),
                vm.agentIdProperty().get(), vm.modelIdProperty().get(),
                vm.languageProperty().get() == null ? null : vm.languageProperty().get().tag(), vm.paramsProperty().get(),
                vm.metadata().entries(), vm.metadataJsonModeProperty().get(), vm.metadataJsonProperty().get(),
                vm.campaignProperty().get(), vm.promptIdProperty().get(), vm.maxDurationProperty().get(),
                vm.scheduleLaterProperty().get(),
                vm.scheduleDateProperty().get() == null ? null : vm.scheduleDateProperty().get().toString(),
                vm.scheduleTimeProperty().get(),
                vm.scheduleZoneProperty().get() == null ? null : vm.scheduleZoneProperty().get().getId(),
                vm.calleeZoneProperty().get() == null ? null : vm.calleeZoneProperty().get().getId(),
                vm.assistantIdProperty().get(), vm.voiceIdProperty().get(),
                vm.legacyModelProperty().get() == null ? null : vm.legacyModelProperty().get().name());
    }

    /** The form as the draft left it; a part that can no longer be read (an old zone name) falls back to the default. */
    static void fromDraft(DialViewModel vm, DialDraft d, ZoneId defaultZone) {
        vm.numberIdProperty().set(nonNull(d.numberId()));
        vm.phoneProperty().set(nonNull(d.phone()));
        vm.useCaseIdProperty().set(nonNull(d.useCaseId()));
        vm.agentIdProperty().set(nonNull(d.agentId()));
        vm.modelIdProperty().set(nonNull(d.modelId()));
        vm.languageProperty().set(Language.fromTag(d.language()).orElse(null));
        vm.paramsProperty().set(nonNull(d.params()));
        vm.metadata().fill(d.metadata(), d.metadataJsonMode(), d.metadataJson());
        vm.campaignProperty().set(nonNull(d.campaign()));
        vm.promptIdProperty().set(nonNull(d.promptId()));
        vm.maxDurationProperty().set(nonNull(d.maxDuration()));
        vm.scheduleLaterProperty().set(d.scheduleLater());
        vm.scheduleDateProperty().set(dateOrNull(d.scheduleDate()));
        vm.scheduleTimeProperty().set(nonNull(d.scheduleTime()));
        vm.scheduleZoneProperty().set(zoneOr(d.scheduleZone(), defaultZone));
        vm.calleeZoneProperty().set(zoneOr(d.calleeZone(), null));
        vm.assistantIdProperty().set(nonNull(d.assistantId()));
        vm.voiceIdProperty().set(nonNull(d.voiceId()));
        vm.legacyModelProperty().set(d.legacyModel() == null ? null : LegacyModel.parse(d.legacyModel()).orElse(null));
    }

    /** An empty form; the pickers go back to the last choices that placed a call. */
    static void empty(DialViewModel vm, Map<String, String> lastChoices, ZoneId defaultZone) {
        vm.numberIdProperty().set(lastChoices.getOrDefault(DialViewModel.NUMBER, ""));
        vm.useCaseIdProperty().set(lastChoices.getOrDefault(DialViewModel.USE_CASE, ""));
        vm.agentIdProperty().set(lastChoices.getOrDefault(DialViewModel.AGENT, ""));
        vm.modelIdProperty().set(lastChoices.getOrDefault(DialViewModel.MODEL, ""));
        vm.phoneProperty().set("");
        vm.languageProperty().set(null);
        vm.paramsProperty().set("");
        vm.metadata().fill(List.of(), false, "");
        vm.campaignProperty().set("");
        vm.promptIdProperty().set("");
        vm.maxDurationProperty().set("");
        vm.scheduleLaterProperty().set(false);
        vm.scheduleDateProperty().set(null);
        vm.scheduleTimeProperty().set("");
        vm.scheduleZoneProperty().set(defaultZone);
        vm.calleeZoneProperty().set(null);
        vm.assistantIdProperty().set("");
        vm.voiceIdProperty().set("");
        vm.legacyModelProperty().set(null);
    }

    /** The form as an earlier call was placed ("Dial again" in history), to send now. */
    static void fromCall(DialViewModel vm, Call call) {
        vm.numbers().stream().filter(n -> n.number() != null && n.number().equals(call.from())).findFirst()
                .ifPresent(n -> vm.numberIdProperty().set(n.id()));
        vm.phoneProperty().set(nonNull(call.to()));
        vm.useCaseIdProperty().set(call.useCase() == null ? "" : call.useCase().id());
        vm.agentIdProperty().set(call.agent() == null ? "" : call.agent().id());
        vm.modelIdProperty().set("");
        vm.languageProperty().set(Language.fromTag(call.language()).orElse(null));
        vm.paramsProperty().set(call.params() == null || call.params().isMissingNode() ? "" : call.params().toPrettyString());
        List<DialDraft.MetadataEntry> rows = new ArrayList<>();
        if (call.metadata() != null) {
            call.metadata().fields().forEachRemaining(e -> {
                if (!SERVICE_METADATA.contains(e.getKey()) && e.getValue().isValueNode()) {
                    rows.add(new DialDraft.MetadataEntry(e.getKey(), e.getValue().asText()));
                }
            });
        }
        vm.metadata().fill(rows, false, "");
        vm.campaignProperty().set(nonNull(call.campaignId()));
        vm.promptIdProperty().set(nonNull(call.promptId()));
        vm.maxDurationProperty().set(call.maxDurationMins() == null ? "" : call.maxDurationMins().toString());
        vm.scheduleLaterProperty().set(false);
        vm.calleeZoneProperty().set(null);
    }

    private static LocalDate dateOrNull(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneId zoneOr(String id, ZoneId fallback) {
        try {
            return id == null ? fallback : ZoneId.of(id);
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
