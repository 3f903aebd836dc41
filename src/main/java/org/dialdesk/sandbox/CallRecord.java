package org.dialdesk.sandbox;

/**
 * One call as the sandbox keeps it. {@code outcome} and {@code talkSeconds} are decided at dial
 * time (from the callee number) and played out by the simulator; {@code nextEventMs} is when the
 * call next changes status, null once it has ended.
 */
record CallRecord(
        String id,
        long createdMs,
        String status,
        String type,
        String numberId,
        String fromNumber,
        String toNumber,
        String useCaseId,
        String agentId,
        String modelId,
        String language,
        String campaignId,
        String promptId,
        Long scheduledMs,
        int maxDurationMins,
        String paramsJson,
        String metadataJson,
        String outcome,
        int talkSeconds,
        Long nextEventMs,
        Long answeredMs,
        Long endedMs,
        int durationSeconds,
        String notesJson,
        String searchText) {

    CallRecord withProgress(String newStatus, Long newNextEventMs, Long newAnsweredMs, Long newEndedMs,
                            int newDurationSeconds) {
        return new CallRecord(id, createdMs, newStatus, type, numberId, fromNumber, toNumber, useCaseId, agentId,
                modelId, language, campaignId, promptId, scheduledMs, maxDurationMins, paramsJson, metadataJson,
                outcome, talkSeconds, newNextEventMs, newAnsweredMs, newEndedMs, newDurationSeconds, notesJson,
                searchText);
    }

    CallRecord withNotes(String newNotesJson) {
        return new CallRecord(id, createdMs, status, type, numberId, fromNumber, toNumber, useCaseId, agentId,
                modelId, language, campaignId, promptId, scheduledMs, maxDurationMins, paramsJson, metadataJson,
                outcome, talkSeconds, nextEventMs, answeredMs, endedMs, durationSeconds, newNotesJson, searchText);
    }
}
