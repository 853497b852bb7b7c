package org.zuofeng.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.time.Times;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The devices whose captures the service can verify: each registers its P-256 key once, bound to the subject that
 * registered it; the commission (or an admin) can revoke one, after which its statements are {@code INVALID}.
 * Registrations and revocations are on the audit record.
 */
@ApplicationScoped
@Transactional
public class CaptureDevices {

    static final String ENTITY_TYPE = "capture-device";

    /** Devices (alias {@code e}): the commission, admins and auditors read all; everyone else their own. */
    static final ReadRule DEVICES = ReadRule.of("capture-device")
            .everything(Roles.ADMIN, Roles.AUDITOR, Roles.COMMISSION)
            .grant(scope -> Condition.of("e.subject = :registrant", "registrant", scope.subject()), Roles.INSPECTOR)
            .build();

    private static final Sorting<CaptureDevice> SORTING = new Sorting<>("-registeredAt",
            SortField.of("id", "id", d -> d.id, UUID.class),
            SortField.of("registeredAt", "registeredAt", d -> d.registeredAt, Instant.class));

    private final EntityManager em;
    private final AuditTrail audit;
    private final Caller caller;
    private final CallerScope scope;
    private final KeysetPager pager;
    private final Clock clock;

    CaptureDevices(EntityManager em, AuditTrail audit, Caller caller, CallerScope scope, KeysetPager pager,
            Clock clock) {
        this.em = em;
        this.audit = audit;
        this.caller = caller;
        this.scope = scope;
        this.pager = pager;
        this.clock = clock;
    }

    /**
     * Registers the caller's device key; the same key again by the same subject answers the registration it has
     * ({@code created == false}); a key another subject registered is a 409.
     */
    public Creation<DeviceView> register(DeviceWrite write) {
        PublicKey key = DeviceKeys.fromJwk(write.publicKey().x(), write.publicKey().y()).orElseThrow(() ->
                ProblemException.invalidField("/publicKey", Text.of("evidence.deviceKeyNotOnCurve")));
        String keyId = DeviceKeys.thumbprint(write.publicKey().x(), write.publicKey().y());
        Optional<CaptureDevice> known = byKeyId(keyId);
        if (known.isPresent()) {
            if (!known.get().subject.equals(caller.subject()) || !known.get().clientId.equals(write.clientId())) {
                throw new ProblemException(ErrorCode.CONFLICT, Text.of("evidence.deviceKeyTaken"));
            }
            return new Creation<>(view(known.get()), false);
        }
        CaptureDevice device = new CaptureDevice();
        device.id = Ids.newId();
        device.clientId = write.clientId();
        device.subject = caller.subject();
        device.keyId = keyId;
        device.publicKey = key.getEncoded();
        device.attestation = write.attestation() == null || write.attestation().isEmpty() ? null
                : List.copyOf(write.attestation());
        device.registeredAt = clock.instant();
        em.persist(device);
        em.flush();
        DeviceView view = view(device);
        audit.record("CREATE", ENTITY_TYPE, device.id, null, view);
        return new Creation<>(view, true);
    }

    /** Revokes a device's key: its statements are {@code INVALID} from now on. */
    public DeviceView revoke(UUID id, RevocationWrite write) {
        CaptureDevice device = visible(id);
        em.lock(device, LockModeType.PESSIMISTIC_WRITE);
        if (device.revokedAt != null) {
            throw new ProblemException(ErrorCode.CONFLICT, Text.of("evidence.deviceRevokedAlready"));
        }
        DeviceView before = view(device);
        device.revokedAt = clock.instant();
        device.revokedBy = caller.subject();
        device.revocationReason = write.reason().strip();
        em.flush();
        DeviceView after = view(device);
        audit.record("REVOKE", ENTITY_TYPE, id, before, after);
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeviceView get(UUID id) {
        return view(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeviceView> list(String sort, PageRequest page) {
        Filters filters = new Filters().restrictTo(scope.readable(DEVICES));
        return pager.page(CaptureDevice.class, filters, SORTING, sort, page).map(CaptureDevices::view);
    }

    /** The device with this key id, whoever registered it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<CaptureDevice> byKeyId(String keyId) {
        return em.createQuery("select d from CaptureDevice d where d.keyId = :key", CaptureDevice.class)
                .setParameter("key", keyId).getResultStream().findFirst();
    }

    private CaptureDevice visible(UUID id) {
        return scope.require(CaptureDevice.class, id, DEVICES, () -> ProblemException.notFound("device", id));
    }

    private static DeviceView view(CaptureDevice d) {
        return new DeviceView(d.id, d.clientId, d.subject, d.keyId, d.attestation == null ? 0 : d.attestation.size(),
                Times.toWire(d.registeredAt), Times.toWire(d.revokedAt), d.revokedBy, d.revocationReason);
    }
}
