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
import org.dialdesk.api.DialServiceException;
import org.dialdesk.domain.AuditEntry;

/** {@link DialService} over the dial service's HTTP API. */
final class ClientDialService implements DialService {
    /** How far before the attempt call history is searched: the service's clock may run a little behind ours. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
    static final int LOOK_UP_LIMIT = 50;

    private final DialClient client;
    private final Clock clock;
    private final AuditTrail audit;

    ClientDialService(DialClient client, Clock clock, AuditTrail audit) {
        this.client = client;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public String baseUrl() {
        return client.config().baseUrl();
    }

    @Override
    public DialOutcome send(DialRequest request) {
        DialOutcome outcome = sendOnce(request);
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
