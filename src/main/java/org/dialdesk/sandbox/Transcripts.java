package org.dialdesk.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulated call said and what was learnt from it. Produced from the call's stored data
 * (use case template, params, outcome, times), so it is the same after a restart and needs no
 * table of its own.
 */
final class Transcripts {
    private final SandboxOrganisation org;
    private final CallSimulator simulator;
    private final ObjectMapper mapper;

    Transcripts(SandboxOrganisation org, CallSimulator simulator, ObjectMapper mapper) {
        this.org = org;
        this.simulator = simulator;
        this.mapper = mapper;
    }

    private record Line(String role, String content, double start, double end) {
    }

    JsonNode of(CallRecord call) {
        ObjectNode transcript = mapper.createObjectNode();
        transcript.put("id", "tr" + call.id().substring(2));
        transcript.put("organization_id", SandboxOrganisation.ORGANIZATION_ID);
        transcript.put("call_id", call.id());
        if (call.answeredMs() != null) {
            transcript.put("start_time", call.answeredMs() / 1000);
        } else {
            transcript.putNull("start_time");
        }
        ArrayNode messages = transcript.putArray("messages");
        int elapsed = simulator.elapsedTalkSeconds(call);
        int index = 0;
        for (Line line : lines(call)) {
            if (line.start() > elapsed) {
                break;
            }
            ObjectNode message = messages.addObject();
            message.put("id", call.id().substring(0, 20) + String.format("%04d", index++));
            message.put("role", line.role());
            message.put("content", line.content());
            message.put("start", line.start());
            message.put("end", Math.min(line.end(), Math.max(elapsed, line.start())));
            ArrayNode toolCalls = message.putArray("tool_calls");
            if (line.role().equals("tool")) {
                toolCalls.addObject().put("name", "transfer_call").put("arguments", "{\"queue\":\"human-agents\"}");
            }
        }
        return transcript;
    }

    private List<Line> lines(CallRecord call) {
        if (call.answeredMs() == null) {
            return List.of();
        }
        SandboxOrganisation.UseCase useCase = org.useCase(call.useCaseId()).orElseThrow();
        Map<String, String> values = paramValues(call);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("system", SandboxOrganisation.fill(useCase.prompt(), values), 0, 0));
        if (call.outcome().equals(CallSimulator.AMD_TERMINATED)) {
            lines.add(new Line("user", "Hi, you've reached the voicemail of " + call.toNumber()
                    + ". Please leave a message after the tone.", 0.4, 3.6));
            return lines;
        }
        int total = CallSimulator.talkSeconds(call);
        String greeting = SandboxOrganisation.fill(useCase.greeting(), values);
        String[][] script = call.outcome().equals(CallSimulator.TRANSFERRED)
                ? new String[][] {{"assistant", greeting}, {"user", "Yes, speaking. I'd rather talk to a person."},
                    {"assistant", "Of course, I'll connect you with a colleague now."}, {"tool", "Transferring to human-agents."}}
                : new String[][] {{"assistant", greeting}, {"user", "Yes, that's me."},
                    {"assistant", "Thanks! " + SandboxOrganisation.fill(useCase.prompt(), values)
                            .replaceFirst("^You are calling [^.]*?to ", "I'm calling to ")},
                    {"user", "That works for me, thank you."},
                    {"assistant", "Great, you're all set. Have a nice day!"}};
        double slot = Math.max(1.0, (total - 1.0) / script.length);
        for (int i = 0; i < script.length; i++) {
            double start = 0.5 + i * slot;
            lines.add(new Line(script[i][0], script[i][1], round(start), round(Math.min(total, start + slot * 0.8))));
        }
        return lines;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private Map<String, String> paramValues(CallRecord call) {
        Map<String, String> values = new LinkedHashMap<>();
        if (call.paramsJson() == null) {
            return values;
        }
        try {
            JsonNode params = mapper.readTree(call.paramsJson());
            params.fields().forEachRemaining(e ->
                    values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored params are corrupt", e);
        }
        return values;
    }

    JsonNode extraction(CallRecord call) {
        ObjectNode extraction = mapper.createObjectNode();
        if (!CallSimulator.isTerminal(call.status()) || call.answeredMs() == null) {
            return extraction;
        }
        switch (call.status()) {
            case CallSimulator.COMPLETED -> {
                boolean confirmed = Math.floorMod(call.toNumber().hashCode(), 4) != 0;
                extraction.put("outcome", confirmed ? "confirmed" : "reschedule_requested");
                extraction.put("callback_requested", !confirmed);
            }
            case CallSimulator.TRANSFERRED -> extraction.put("outcome", "transferred_to_human");
            case CallSimulator.AMD_TERMINATED -> extraction.put("outcome", "voicemail");
            default -> { }
        }
        return extraction;
    }

    JsonNode classification(CallRecord call) {
        if (!CallSimulator.isTerminal(call.status())) {
            return mapper.nullNode();
        }
        String[] tagAndReason = switch (call.status()) {
            case CallSimulator.COMPLETED -> new String[] {"Successful", "The callee answered and the agent finished its script."};
            case CallSimulator.TRANSFERRED -> new String[] {"Transferred", "The callee asked for a person."};
            case CallSimulator.AMD_TERMINATED -> new String[] {"Voicemail", "An answering machine picked up."};
            case CallSimulator.BUSY -> new String[] {"No contact", "The line was busy."};
            case CallSimulator.NO_ANSWER -> new String[] {"No contact", "Nobody answered."};
            case CallSimulator.CANCELED -> new String[] {"Canceled", "The call was cancelled before it connected."};
            default -> new String[] {"Failed", "The carrier could not place the call."};
        };
        return mapper.createObjectNode().put("tag", tagAndReason[0]).put("reasoning", tagAndReason[1]);
    }
}
