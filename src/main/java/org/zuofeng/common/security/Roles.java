package org.zuofeng.common.security;

import java.util.Set;

/** The roles a token may carry (in {@code groups} or Keycloak's {@code realm_access.roles}). */
public final class Roles {

    /** Everything. */
    public static final String ADMIN = "admin";
    /** Discipline-inspection commission staff. */
    public static final String COMMISSION = "commission";
    /** Field inspectors. */
    public static final String INSPECTOR = "inspector";
    /** Organisation / HR department. */
    public static final String HR = "hr";
    /** Staff of a unit, scoped to it. */
    public static final String UNIT_OFFICER = "unit-officer";
    /** Read-only, audit log. */
    public static final String AUDITOR = "auditor";
    /** Machine clients, read-only of non-confidential data. */
    public static final String INTEGRATION = "integration";
    /**
     * Keeps reporters' identities (保密): decides the commission's requests to read one, and holds nothing else; not
     * among {@link #ALL}.
     */
    public static final String CUSTODIAN = "custodian";

    /**
     * An official who declares their own contacts with business in the 亲清 register and reads their own record there,
     * through the account linked to them; nothing else. Not among {@link #ALL}.
     */
    public static final String OFFICIAL = "official";

    /** Every role: what the API lets any of its users read. */
    public static final Set<String> ALL = Set.of(ADMIN, COMMISSION, INSPECTOR, HR, UNIT_OFFICER, AUDITOR, INTEGRATION);

    private Roles() {
    }
}
