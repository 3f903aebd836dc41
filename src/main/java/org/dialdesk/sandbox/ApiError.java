package org.dialdesk.sandbox;

import java.util.List;

/** An answer other than 2xx, with the JSON body the sandbox sends for it. */
final class ApiError extends RuntimeException {
    final int status;
    final List<FieldProblem> errors;

    record FieldProblem(String field, String message) {
    }

    ApiError(int status, String message) {
        this(status, message, List.of());
    }

    ApiError(int status, String message, List<FieldProblem> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }
}
