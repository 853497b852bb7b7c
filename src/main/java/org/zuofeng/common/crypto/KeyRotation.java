package org.zuofeng.common.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * After a rotation of the key encryption key (a new primary key in its keyset), re-wraps every data key that an
 * older key wrapped, on any replica, batch by batch with the rows locked (another replica skips them). No sealed file
 * is rewritten. Once none is left ({@link SealingHealth}), the old key may leave the keyset.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final Sealing sealing;
    private final List<SealedTable> tables;

    public KeyRotation(EntityManager em, Sealing sealing, Instance<SealedTable> tables) {
        this.em = em;
        this.sealing = sealing;
        this.tables = tables.stream().toList();
    }

    @Scheduled(every = "${zuofeng.sealing.rewrap-every:10m}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int rewrapped = rewrap();
        if (rewrapped > 0) {
            LOG.infof("Re-wrapped %d data key(s) under the current key encryption key", rewrapped);
        }
    }

    /** Re-wraps every data key not wrapped by the current primary key; returns how many. */
    public int rewrap() {
        int rewrapped = 0;
        for (SealedTable table : tables) {
            rewrapped += rewrap(table);
        }
        return rewrapped;
    }

    /** How many data keys are wrapped by another key than the current primary. */
    public long toRewrap() {
        long primary = sealing.kekId();
        return QuarkusTransaction.requiringNew().call(() -> tables.stream().mapToLong(t -> ((Number) em
                .createNativeQuery("select count(*) from " + t.table() + " where kek_id <> :primary")
                .setParameter("primary", primary).getSingleResult()).longValue()).sum());
    }

    private int rewrap(SealedTable table) {
        long primary = sealing.kekId();
        int rewrapped = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> rewrapBatch(table, primary, from));
            for (Object[] row : rows) {
                rewrapped += (Boolean) row[1] ? 1 : 0;
            }
            if (rows.size() < BATCH) {
                return rewrapped;
            }
            after = rows.getLast()[0].toString();
        }
    }

    /** One batch after {@code after} (by id as text): each row's id and whether it was re-wrapped. */
    private List<Object[]> rewrapBatch(SealedTable table, long primary, String after) {
        String id = table.idColumn();
        List<?> rows = em.createNativeQuery("select " + id + ", key_ref, wrapped_key from " + table.table()
                        + " where kek_id <> :primary and " + id + "::text > :after order by " + id
                        + "::text limit :limit for update skip locked")
                .setParameter("primary", primary).setParameter("after", after).setParameter("limit", BATCH)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> {
            String owner = table.owner(r[0]);
            try {
                Sealing.DataKey key = sealing.unwrap((String) r[1], (byte[]) r[2], owner);
                Sealing.Wrapped wrapped = sealing.wrap(key, owner);
                em.createNativeQuery("update " + table.table() + " set wrapped_key = :wrapped, kek_id = :kek where "
                                + id + " = :id")
                        .setParameter("wrapped", wrapped.bytes()).setParameter("kek", wrapped.kekId())
                        .setParameter("id", r[0]).executeUpdate();
                return new Object[] {r[0], true};
            } catch (Sealing.Damaged e) {
                LOG.errorf("The data key of %s does not unwrap with the key encryption keyset: was a key removed "
                        + "before its data keys were re-wrapped?", owner);
                return new Object[] {r[0], false};
            }
        }).toList();
    }
}
