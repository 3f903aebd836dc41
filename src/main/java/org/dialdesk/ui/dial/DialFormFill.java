package org.dialdesk.ui.dial;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dialdesk.api.Call;
import org.dialdesk.api.Json;
import org.dialdesk.api.Language;
import org.dialdesk.api.LegacyModel;
import org.dialdesk.domain.DialDraft;
import org.dialdesk.domain.DialInputs;

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
                typedDate(vm),
                vm.scheduleTimeProperty().get(),
                scheduleZoneOfItsOwn(vm),
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
        setDate(vm, dateOrNull(d.scheduleDate()), d.scheduleDate());
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
        setDate(vm, null, "");
        vm.scheduleTimeProperty().set("");
        vm.scheduleZoneProperty().set(defaultZone);
        vm.calleeZoneProperty().set(null);
        vm.assistantIdProperty().set("");
        vm.voiceIdProperty().set("");
        vm.legacyModelProperty().set(null);
    }

    /**
     * The form as an earlier call was placed ("Dial again" in history), to send now: every field the
     * call states, and every other one empty, so nothing of the draft it replaces mixes in.
     */
    static void fromCall(DialViewModel vm, Call call, ZoneId defaultZone) {
        empty(vm, Map.of(), defaultZone);
        vm.numbers().stream().filter(n -> n.number() != null && n.number().equals(call.from())).findFirst()
                .ifPresent(n -> vm.numberIdProperty().set(n.id()));
        vm.phoneProperty().set(nonNull(call.to()));
        vm.useCaseIdProperty().set(call.useCase() == null ? "" : nonNull(call.useCase().id()));
        vm.agentIdProperty().set(call.agent() == null ? "" : nonNull(call.agent().id()));
        vm.languageProperty().set(Language.fromTag(call.language()).orElse(null));
        // A call placed without params reads back as absent or as JSON null: both leave the editor empty.
        boolean noParams = call.params() == null || call.params().isMissingNode() || call.params().isNull();
        vm.paramsProperty().set(noParams ? "" : call.params().toPrettyString());
        fillMetadata(vm, call);
        vm.campaignProperty().set(nonNull(call.campaignId()));
        vm.promptIdProperty().set(nonNull(call.promptId()));
        vm.maxDurationProperty().set(call.maxDurationMins() == null ? "" : call.maxDurationMins().toString());
    }

    /** The operator's metadata as rows; as JSON when some of it is nested, which rows cannot hold. */
    private static void fillMetadata(DialViewModel vm, Call call) {
        if (call.metadata() == null || !call.metadata().isObject()) {
            return;
        }
        ObjectNode own = Json.mapper().createObjectNode();
        call.metadata().fields().forEachRemaining(e -> {
            if (!SERVICE_METADATA.contains(e.getKey())) {
                own.set(e.getKey(), e.getValue());
            }
        });
        List<DialDraft.MetadataEntry> rows = new ArrayList<>();
        boolean flat = true;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) own::fields) {
            flat &= e.getValue().isValueNode() && !e.getValue().isNull();
            rows.add(new DialDraft.MetadataEntry(e.getKey(), e.getValue().asText()));
        }
        if (flat) {
            vm.metadata().fill(rows, false, "");
        } else {
            vm.metadata().fill(List.of(), true, own.toPrettyString());
        }
    }

    /** Whether the operator typed anything into this draft beyond the pickers' choices. */
    static boolean hasTypedContent(DialDraft d) {
        return d.scheduleLater() || !d.metadata().isEmpty()
                || Stream.of(d.phone(), d.params(), d.metadataJson(), d.campaign(), d.promptId(),
                        d.maxDuration(), d.assistantId(), d.voiceId(), d.legacyModel(), d.language())
                .anyMatch(text -> text != null && !text.isBlank());
    }

    /** The schedule date as typed when it is not a date yet, so a draft keeps it; else the date. */
    private static String typedDate(DialViewModel vm) {
        String typed = vm.scheduleDateTextProperty().get();
        LocalDate date = vm.scheduleDateProperty().get();
        if (typed != null && !typed.isBlank() && (date == null || !typed.strip().equals(date.toString()))) {
            return typed.strip();
        }
        return date == null ? null : date.toString();
    }

    private static void setDate(DialViewModel vm, LocalDate date, String typed) {
        vm.scheduleDateProperty().set(date);
        vm.scheduleDateTextProperty().set(date != null ? DialInputs.showDate(date) : nonNull(typed));
    }

    private static LocalDate dateOrNull(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The schedule's zone when the operator picked one other than their own; else none, so that a
     * draft follows the display zone when it is changed in settings.
     */
    private static String scheduleZoneOfItsOwn(DialViewModel vm) {
        ZoneId zone = vm.scheduleZoneProperty().get();
        return zone == null || zone.equals(vm.operatorZone()) ? null : zone.getId();
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
