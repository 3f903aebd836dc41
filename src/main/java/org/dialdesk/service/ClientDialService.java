package org.dialdesk.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallQuery;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.dialdesk.api.DialServiceException;
import org.dialdesk.api.FieldError;
import org.dialdesk.domain.DialField;
import org.dialdesk.domain.AuditEntry;

/** {@link DialService} over the dial service's HTTP API. */
final class ClientDialService implements DialService {
    /** How far before the attempt call history is searched: the service's clock may run a little behind ours. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
    static final int LOOK_UP_LIMIT = 50;

    private final DialClient client;
    private final Clock clock;
    private final AuditTrail audit;
    private final DoNotCall doNotCall;

    ClientDialService(DialClient client, Clock clock, AuditTrail audit, DoNotCall doNotCall) {
        this.client = client;
        this.clock = clock;
        this.audit = audit;
        this.doNotCall = doNotCall;
    }

    @Override
    public Duration answerWithin() {
        return client.callTimeout();
    }

    @Override
    public String baseUrl() {
        return client.config().baseUrl();
    }

    @Override
    public DialOutcome send(DialRequest request) {
        Optional<String> refusal = doNotCall.refusal(request.phoneNumber());
        DialOutcome outcome = refusal.isPresent()
                ? new DialOutcome.NeverSent(request, "Nothing was sent: " + refusal.get(),
                        List.of(new FieldError(DialField.PHONE.json(), refusal.get())))
                : sendOnce(request);
        recordInAudit(outcome);
        return outcome;
    }

    private void recordInAudit(DialOutcome outcome) {
        DialRequest request = outcome.request();
        boolean scheduled = request.scheduledFor() != null;
        StringBuilder summary = new StringBuilder(scheduled ? "Schedule " : "Dial ").append(request.phoneNumber());
        if (scheduled) {
            summary.append(" for ").append(request.scheduledFor());
        }
        summary.append(" from number ").append(request.numberId());
        if (request.useCaseId() != null) {
            summary.append(", use case ").append(request.useCaseId());
        }
        if (request.campaignId() != null) {
            summary.append(", campaign ").append(request.campaignId());
        }
        AuditEntry.Outcome result;
        String callId = null;
        String detail;
        if (outcome instanceof DialOutcome.Created created) {
            result = AuditEntry.Outcome.DONE;
            callId = created.response().id();
            detail = "";
        } else if (outcome instanceof DialOutcome.Rejected rejected) {
            result = AuditEntry.Outcome.REFUSED;
            detail = rejected.message();
        } else if (outcome instanceof DialOutcome.NeverSent neverSent) {
            result = AuditEntry.Outcome.NOT_SENT;
            detail = neverSent.message();
        } else {
            result = AuditEntry.Outcome.UNCERTAIN;
            detail = ((DialOutcome.Uncertain) outcome).message();
        }
        if (detail != null && !detail.isBlank()) {
            summary.append(" — ").append(detail);
        }
        audit.record(scheduled ? AuditEntry.Action.SCHEDULE : AuditEntry.Action.DIAL, summary.toString(), result, callId);
    }

    private DialOutcome sendOnce(DialRequest request) {
        Instant attemptedAt = clock.instant();
        try {
            return new DialOutcome.Created(request, client.dialOutbound(request));
        } catch (DialServiceException.InvalidRequest e) {
            return new DialOutcome.NeverSent(request, "Nothing was sent: the request breaks the API's rules.", e.errors());
        } catch (DialServiceException.NetworkFailure e) {
            return new DialOutcome.NeverSent(request, e.getMessage(), List.of());
        } catch (DialServiceException.Rejected e) {
            return new DialOutcome.Rejected(request, DialOutcome.Rejected.Reason.REFUSED, e.serverMessage(),
                    e.fieldErrors());
        } catch (DialServiceException.NotFound e) {
            return new DialOutcome.Rejected(request, DialOutcome.Rejected.Reason.NOT_FOUND, e.getMessage(),
                    e.fieldErrors());
        } catch (DialServiceException.Unauthorized e) {
            return new DialOutcome.Rejected(request, DialOutcome.Rejected.Reason.UNAUTHORIZED, e.getMessage(), List.of());
        } catch (DialServiceException.RateLimited e) {
            return new DialOutcome.Rejected(request, DialOutcome.Rejected.Reason.RATE_LIMITED, e.getMessage(), List.of());
        } catch (DialServiceException.OutcomeUncertain e) {
            return new DialOutcome.Uncertain(request, e.getMessage(), attemptedAt);
        } catch (RuntimeException e) {
            // Anything else happened after the request may have left: it may have rung.
            return new DialOutcome.Uncertain(request, ErrorMessages.describe(e), attemptedAt);
        }
    }

    @Override
    public BatchOutcome sendBatch(List<DialRequest> requests) {
        List<FieldError> listed = new java.util.ArrayList<>();
        for (int row = 0; row < requests.size(); row++) {
            int at = row;
            doNotCall.refusal(requests.get(row).phoneNumber()).ifPresent(refusal ->
                    listed.add(new FieldError("[" + at + "]." + DialField.PHONE.json(), refusal)));
        }
        BatchOutcome outcome = listed.isEmpty() ? sendBatchOnce(requests)
                : new BatchOutcome.NeverSent("Nothing was sent: the batch holds numbers on the do-not-call list.", listed);
        recordBatchInAudit(requests, outcome);
        return outcome;
    }

    private BatchOutcome sendBatchOnce(List<DialRequest> requests) {
        Instant attemptedAt = clock.instant();
        try {
            List<DialResponse> responses = client.dialBatched(requests);
            if (responses == null || responses.size() != requests.size()) {
                // Which answer belongs to which row cannot be told: every row may or may not exist.
                return new BatchOutcome.Uncertain("The service answered with " + (responses == null ? 0 : responses.size())
                        + " calls for " + requests.size() + " rows.", attemptedAt);
            }
            return new BatchOutcome.Created(responses);
        } catch (DialServiceException.InvalidRequest e) {
            return new BatchOutcome.NeverSent("Nothing was sent: rows break the API's rules.", e.errors());
        } catch (DialServiceException.NetworkFailure e) {
            return new BatchOutcome.NeverSent(e.getMessage(), List.of());
        } catch (DialServiceException.Rejected e) {
            return new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.REFUSED, e.status(), e.serverMessage(),
                    e.fieldErrors(), Optional.empty());
        } catch (DialServiceException.NotFound e) {
            return new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.NOT_FOUND, 404, e.getMessage(), e.fieldErrors(),
                    Optional.empty());
        } catch (DialServiceException.Unauthorized e) {
            return new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.UNAUTHORIZED, e.status(), e.getMessage(), List.of(),
                    Optional.empty());
        } catch (DialServiceException.RateLimited e) {
            return new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.RATE_LIMITED, 429, e.getMessage(), List.of(),
                    e.retryAfter());
        } catch (DialServiceException.OutcomeUncertain e) {
            return new BatchOutcome.Uncertain(e.getMessage(), attemptedAt);
        } catch (RuntimeException e) {
            return new BatchOutcome.Uncertain(ErrorMessages.describe(e), attemptedAt);
        }
    }

    private void recordBatchInAudit(List<DialRequest> requests, BatchOutcome outcome) {
        StringBuilder summary = new StringBuilder("Batch of ").append(requests.size()).append(requests.size() == 1 ? " dial" : " dials");
        if (!requests.isEmpty()) {
            summary.append(" to ").append(requests.get(0).phoneNumber());
            if (requests.size() > 1) {
                summary.append(" … ").append(requests.get(requests.size() - 1).phoneNumber());
            }
            if (requests.get(0).campaignId() != null) {
                summary.append(", campaign ").append(requests.get(0).campaignId());
            }
        }
        AuditEntry.Outcome result;
        String callId = null;
        String detail;
        if (outcome instanceof BatchOutcome.Created created) {
            result = AuditEntry.Outcome.DONE;
            callId = created.responses().isEmpty() ? null : created.responses().get(0).id();
            detail = created.responses().size() > 1 ? "first call of " + created.responses().size() : "";
        } else if (outcome instanceof BatchOutcome.Rejected rejected) {
            result = AuditEntry.Outcome.REFUSED;
            detail = rejected.message();
        } else if (outcome instanceof BatchOutcome.NeverSent neverSent) {
            result = AuditEntry.Outcome.NOT_SENT;
            detail = neverSent.message();
        } else {
            result = AuditEntry.Outcome.UNCERTAIN;
            detail = ((BatchOutcome.Uncertain) outcome).message();
        }
        if (detail != null && !detail.isBlank()) {
            summary.append(" — ").append(detail);
        }
        audit.record(AuditEntry.Action.DIAL, summary.toString(), result, callId);
    }

    /**
     * Pages newest first until the window is covered: a page with a call older than {@code since}
     * (when the pages really come newest first), the total the service counts, or an empty page.
     * A short page alone proves nothing (the service may cap the page size). Older calls on the
     * last page are returned too: the caller knows its own calls by their tags, whatever their date.
     */
    @Override
    public List<Call> callsCreatedSince(Instant since, int max) {
        List<Call> found = new java.util.ArrayList<>();
        int page = Math.min(CallQuery.MAX_LIMIT, Math.max(1, max + 1));
        Instant previous = null;
        boolean newestFirst = true;
        for (int skip = 0; ; ) {
            CallQuery query = CallQuery.builder().from(LocalDate.ofInstant(since.minus(Duration.ofDays(1)), ZoneOffset.UTC))
                    .limit(page).skip(skip).sort(CallQuery.Sort.desc).build();
            org.dialdesk.api.CallPage answer = client.listCalls(query);
            List<Call> calls = answer.calls() == null ? List.of() : answer.calls();
            if (calls.isEmpty()) {
                return found;
            }
            boolean older = false;
            for (Call call : calls) {
                Optional<Instant> created = createdAt(call);
                if (created.isPresent()) {
                    if (previous != null && created.get().isAfter(previous)) {
                        newestFirst = false;
                    }
                    previous = created.get();
                    older |= created.get().isBefore(since);
                }
                found.add(call);
                if (found.size() > max) {
                    throw new TooManyCalls("More than " + max + " calls were listed since " + since
                            + "; they are too many to check one by one.");
                }
            }
            skip += calls.size();
            if (older && newestFirst || answer.count() > 0 && skip >= answer.count()) {
                return found;
            }
        }
    }

    @Override
    public LookUp lookUp(DialOutcome.Uncertain uncertain) {
        DialRequest sought = uncertain.request();
        Instant since = uncertain.attemptedAt().minus(CLOCK_SLACK);
        CallQuery query = CallQuery.builder().search(sought.phoneNumber())
                .from(LocalDate.ofInstant(since, ZoneOffset.UTC)).limit(LOOK_UP_LIMIT).sort(CallQuery.Sort.desc).build();
        Optional<Call> found = client.listCalls(query).calls().stream()
                .filter(call -> sought.phoneNumber().equals(call.to()))
                .filter(call -> createdAt(call).map(created -> !created.isBefore(since)).orElse(true))
                .findFirst();
        return new LookUp(found, since);
    }

    private static Optional<Instant> createdAt(Call call) {
        try {
            return call.created() == null ? Optional.empty() : Optional.of(Instant.parse(call.created()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
