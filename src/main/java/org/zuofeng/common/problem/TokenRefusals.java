package org.zuofeng.common.problem;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Why a bearer token was refused, in the words RFC 6750 allows ({@code error="invalid_token"} and an
 * {@code error_description}): expired, not valid yet, issued for another audience, by another issuer, or naming no
 * subject. Anything else (a bad signature, an unknown key, not a JWT) is "cannot be verified", which tells an
 * attacker nothing the standard does not.
 */
final class TokenRefusals {

    private TokenRefusals() {
    }

    /** The description of why the token behind {@code failure} was refused. */
    static Text describe(Throwable failure) {
        InvalidJwtException invalid = invalidJwt(failure);
        if (invalid == null) {
            return Text.of("token.unverifiable");
        }
        if (invalid.hasExpired()) {
            return Text.of("token.expired");
        }
        if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return Text.of("token.notYetValid");
        }
        if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return Text.of("token.audience");
        }
        if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return Text.of("token.issuer");
        }
        if (invalid.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return Text.of("token.noSubject");
        }
        return Text.of("token.unverifiable");
    }

    private static InvalidJwtException invalidJwt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                return invalid;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (suppressed instanceof InvalidJwtException invalid) {
                    return invalid;
                }
            }
        }
        return null;
    }
}
