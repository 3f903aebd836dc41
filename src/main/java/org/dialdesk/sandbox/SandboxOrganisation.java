package org.dialdesk.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's organisation: caller numbers, use cases, agents and models, fixed so that demos,
 * tests and documentation can name them.
 */
final class SandboxOrganisation {
    static final String ORGANIZATION_ID = "5f0c0ffee0ddba11deadbeef";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    record Number(String id, String number, String title, String locality, String defaultUseCaseId) {
    }

    record UseCase(String id, String name, String language, Integer maxDurationMins, String timezone,
                   String workStart, String workEnd, String prompt, boolean hidden, String greeting) {

        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(prompt);
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
            return names;
        }
    }

    record Agent(String id, String name, List<String> languages, String voiceId, String createdAt) {
    }

    record Model(String id, String name, String description, String useCaseId, String status) {
    }

    static final String REMINDER = "650000000000000000000001";
    static final String PAYMENT = "650000000000000000000002";
    static final String RECORDATORIO = "650000000000000000000003";
    static final String SURVEY = "650000000000000000000004";
    static final String HIDDEN = "650000000000000000000005";

    final List<Number> numbers = List.of(
            new Number("640000000000000000000001", "+14155550100", "Support line", "San Francisco, CA", REMINDER),
            new Number("640000000000000000000002", "+13125550142", "Collections", "Chicago, IL", PAYMENT),
            new Number("640000000000000000000003", "+525555550123", "Oficina CDMX", "Ciudad de México", RECORDATORIO),
            new Number("640000000000000000000004", "+4930901820", "Berlin office", "Berlin", SURVEY));

    final List<UseCase> useCases = List.of(
            new UseCase(REMINDER, "Appointment reminder", "en-US", 5, "America/Chicago", "08:00", "20:00",
                    "You are calling {{patient_name}} on behalf of {{clinic}} to confirm the appointment on "
                            + "{{appointment_time}}. Offer to reschedule if the time no longer works.",
                    false, "Hi {{patient_name}}, this is the scheduling assistant from {{clinic}}."),
            new UseCase(PAYMENT, "Payment follow-up", "en-US", 10, "America/New_York", "09:00", "19:00",
                    "You are calling {{customer_name}} about invoice {{invoice_number}} of {{amount}}, due on "
                            + "{{due_date}}. Be courteous and offer a payment plan.",
                    false, "Hello {{customer_name}}, I'm calling about invoice {{invoice_number}}."),
            new UseCase(RECORDATORIO, "Recordatorio de cita", "es-MX", 5, "America/Mexico_City", "09:00", "20:00",
                    "Llamas a {{nombre}} para confirmar su cita del {{fecha}}.",
                    false, "Hola {{nombre}}, le llamo para confirmar su cita del {{fecha}}."),
            new UseCase(SURVEY, "Kundenumfrage", "de-DE", null, "Europe/Berlin", "09:00", "18:00",
                    "Du rufst {{kunde}} an und fragst nach der Zufriedenheit mit {{produkt}}.",
                    false, "Guten Tag {{kunde}}, wir haben eine kurze Frage zu {{produkt}}."),
            new UseCase(HIDDEN, "Retired IVR test", "en-GB", 3, "Europe/London", "08:00", "21:00",
                    "Legacy test flow.", true, "This is a test call."));

    final List<Agent> agents = List.of(
            new Agent("660000000000000000000001", "Ava", List.of("english"), "voice-ava-1", "2025-02-03T10:00:00Z"),
            new Agent("660000000000000000000002", "Mateo", List.of("spanish", "english"), "voice-mateo-2", "2025-04-11T09:30:00Z"),
            new Agent("660000000000000000000003", "Lena", List.of("german", "english"), "voice-lena-1", "2025-06-20T14:15:00Z"),
            new Agent("660000000000000000000004", "Chloé", List.of("french"), "voice-chloe-1", "2025-09-01T08:00:00Z"));

    final List<Model> models = List.of(
            new Model("670000000000000000000001", "Reminder v3", "Tuned on confirmed bookings", REMINDER, "active"),
            new Model("670000000000000000000002", "Reminder v4", "Shorter calls; in training", REMINDER, "training"),
            new Model("670000000000000000000003", "Collections v2", "Payment plans and disputes", PAYMENT, "active"),
            new Model("670000000000000000000004", "Collections v1", "Superseded", PAYMENT, "failed"),
            new Model("670000000000000000000005", "Recordatorio v1", "Español de México", RECORDATORIO, "active"),
            new Model("670000000000000000000006", "Umfrage v1", "Kurzumfrage", SURVEY, "active"),
            new Model("670000000000000000000007", "Umfrage v2", "Wartet auf Daten", SURVEY, "pending"));

    Optional<Number> number(String id) {
        return numbers.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    Optional<UseCase> useCase(String id) {
        return useCases.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /**
     * The agent a use case's calls get when the dial names none: the first whose languages include
     * the use case's (Ava for en-US, Mateo for es-MX, Lena for de-DE), as a real organisation sets
     * one per use case.
     */
    Agent defaultAgent(UseCase useCase) {
        String language = useCase.language() == null ? "" : useCase.language().toLowerCase(Locale.ROOT);
        String family = language.startsWith("es") ? "spanish" : language.startsWith("de") ? "german"
                : language.startsWith("fr") ? "french" : "english";
        return agents.stream().filter(a -> a.languages().contains(family)).findFirst().orElse(agents.get(0));
    }

    Optional<Agent> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    Optional<Model> model(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Fills {@code {{name}}} from params; a missing value stays visible as {@code [name]}. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : "[" + m.group(1) + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Leaves out the fields that have no value: the contract has a string or an object in each, and
     * an optional one is absent rather than null. Only the answer's own fields, and never
     * {@code params}: it is there only when the caller sent it, and an explicit null comes back as sent.
     */
    static ObjectNode withoutAbsentFields(ObjectNode answer) {
        answer.properties().removeIf(field -> field.getValue().isNull() && !field.getKey().equals("params"));
        return answer;
    }

    ObjectNode numberJson(ObjectMapper mapper, Number n) {
        return withoutAbsentFields(mapper.createObjectNode().put("id", n.id()).put("number", n.number()).put("title", n.title())
                .put("locality", n.locality()).put("use_case_id", n.defaultUseCaseId())
                .put("organization_id", ORGANIZATION_ID));
    }

    ObjectNode useCaseJson(ObjectMapper mapper, UseCase u) {
        ObjectNode node = mapper.createObjectNode().put("id", u.id()).put("name", u.name())
                .put("language", u.language()).put("max_duration_mins", u.maxDurationMins())
                .put("timezone", u.timezone()).put("work_start", u.workStart()).put("work_end", u.workEnd())
                .put("prompt", u.prompt()).put("hidden", u.hidden()).put("organization_id", ORGANIZATION_ID);
        ArrayNode params = node.putArray("params");
        u.variables().forEach(params::add);
        return withoutAbsentFields(node);
    }

    ObjectNode agentJson(ObjectMapper mapper, Agent a) {
        ObjectNode node = mapper.createObjectNode().put("id", a.id()).put("name", a.name());
        ArrayNode languages = node.putArray("languages");
        a.languages().forEach(languages::add);
        return withoutAbsentFields(node.put("voice_id", a.voiceId()).put("created_at", a.createdAt()));
    }

    ObjectNode modelJson(ObjectMapper mapper, Model m) {
        return withoutAbsentFields(mapper.createObjectNode().put("id", m.id()).put("name", m.name())
                .put("description", m.description()).put("use_case_id", m.useCaseId()).put("status", m.status()));
    }

    Map<String, UseCase> useCasesById() {
        Map<String, UseCase> map = new LinkedHashMap<>();
        useCases.forEach(u -> map.put(u.id(), u));
        return map;
    }
}
