package org.zuofeng.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.util.Set;

/** Who is calling: the token's subject and roles, as services need them for attribution and authorisation. */
@RequestScoped
public class Caller {

    /** Attribution for work done without a caller (start-up, background jobs). */
    public static final String SYSTEM = "system";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's {@code sub}; {@code anonymous} for public requests. */
    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** Whether the request carries no token (the public API). */
    public boolean anonymous() {
        return identity.isAnonymous();
    }

    /** 401 for an anonymous caller, 403 unless one of the caller's roles grants {@code permission}. */
    public void require(Permission permission) {
        permission.check(identity);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /**
     * The four-eyes rule: 409 {@code FOUR_EYES_REQUIRED}, saying {@code why}, when the caller is one of
     * {@code firstHands}, the people who proposed, requested or drafted what the caller is to decide.
     */
    public void requireSecondPerson(Text why, String... firstHands) {
        String me = subject();
        for (String hand : firstHands) {
            if (me.equals(hand)) {
                throw new ProblemException(ErrorCode.FOUR_EYES_REQUIRED, why);
            }
        }
    }
}
