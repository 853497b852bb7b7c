package org.zuofeng.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Sync clients, the results of their mutations, and what each holds. */
@ApplicationScoped
public class SyncRepository implements PanacheRepositoryBase<SyncClient, UUID> {

    /** A stored result of a mutation: its status, the record and version it left, and the sealed rest. */
    public record StoredResult(String status, UUID entityId, Long version, byte[] sealed) {
    }

    /** A record a client holds. */
    public record Held(String entity, UUID entityId) {
    }

    /**
     * The client, created for {@code subject} if new, held until the transaction ends: by a transaction-scoped
     * advisory lock on its id, which serialises the requests of one device on every replica without writing the row
     * (a long poll that looks again and again writes nothing).
     */
    public Locked lock(UUID clientId, String subject, Instant now) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(" + deviceLock(":id") + ")")
                .setParameter("id", clientId.toString()).getSingleResult();
        SyncClient client = findById(clientId);
        if (client != null) {
            return new Locked(client, false);
        }
        getEntityManager().createNativeQuery("""
                        insert into sync_clients (client_id, subject, created_at, seen_at)
                        values (:id, :subject, :now, :now) on conflict (client_id) do nothing""")
                .setParameter("id", clientId).setParameter("subject", subject).setParameter("now", now)
                .executeUpdate();
        return new Locked(findById(clientId), true);
    }

    /** A client held by this transaction, and whether it was made just now. */
    public record Locked(SyncClient client, boolean created) {
    }

    /** The key of a device's advisory lock: {@code clientText}, SQL, is its client id as text. */
    private static String deviceLock(String clientText) {
        return "hashtextextended(" + clientText + ", 7)";
    }

    /**
     * Forgets the devices of {@code subject} beyond the {@code keep} it used last, with what they held; answers how
     * many. One in use now is left for another time ({@link #forget}).
     */
    public int forgetBeyond(String subject, int keep) {
        return forget("select client_id from sync_clients where subject = :subject order by seen_at desc offset :keep")
                .setParameter("subject", subject).setParameter("keep", keep).executeUpdate();
    }

    /**
     * Forgets up to {@code limit} devices not seen since {@code before}, with what they held; answers how many. One in
     * use now is left for another time ({@link #forget}).
     */
    public int forgetIdle(Instant before, int limit) {
        return forget("select client_id from sync_clients where seen_at < :before limit :limit for update skip locked")
                .setParameter("before", before).setParameter("limit", limit).executeUpdate();
    }

    /**
     * Deletes the clients that {@code candidates} selects, and what they held (no foreign key does it: V40), but only
     * those whose device's advisory lock this transaction takes: a request of the device holds it until it commits,
     * on any replica, so no request writes held rows for a client deleted under it. The candidates are selected
     * first (a CTE that is not inlined), so the lock is tried on them alone.
     */
    private Query forget(String candidates) {
        return getEntityManager().createNativeQuery("""
                with candidate as materialized (%s),
                     unused as materialized (
                         select client_id from candidate where pg_try_advisory_xact_lock(%s)),
                     released as (delete from sync_held where client_id in (select client_id from unused))
                delete from sync_clients where client_id in (select client_id from unused)"""
                .formatted(candidates, deviceLock("client_id::text")));
    }

    /** A mutation's result, sealed, as kept. */
    public record Sealed(long mutationId, String status, UUID entityId, Long version, byte[] result) {
    }

    /** Keeps the results of a client's mutations, in one statement. */
    public void keepResults(UUID clientId, List<Sealed> results, Instant now) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (Sealed r : results) {
            rows.addObject().put("mutation_id", r.mutationId()).put("status", r.status())
                    .put("entity_id", r.entityId() == null ? null : r.entityId().toString()).put("version", r.version())
                    .put("result", Base64.getEncoder().encodeToString(r.result()));
        }
        getEntityManager().createNativeQuery("""
                        insert into sync_mutations (client_id, mutation_id, status, entity_id, version, result, applied_at)
                        select :client, mutation_id, status, entity_id, version, decode(result, 'base64'), :now
                        from jsonb_to_recordset(cast(:rows as jsonb))
                            as r(mutation_id bigint, status text, entity_id uuid, version bigint, result text)""")
                .setParameter("client", clientId).setParameter("rows", rows.toString()).setParameter("now", now)
                .executeUpdate();
    }

    public Optional<StoredResult> result(UUID clientId, long mutationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select status, entity_id, version, result from sync_mutations
                        where client_id = :client and mutation_id = :mutation""")
                .setParameter("client", clientId).setParameter("mutation", mutationId).getResultList();
        return rows.stream().findFirst().map(row -> new StoredResult((String) row[0], (UUID) row[1],
                row[2] == null ? null : ((Number) row[2]).longValue(), (byte[]) row[3]));
    }

    /** Those of these records of the kind the client holds. */
    public Set<UUID> held(UUID clientId, String entity, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> rows = getEntityManager().createNativeQuery("""
                        select entity_id from sync_held
                        where client_id = :client and entity = :entity and entity_id in (:ids)""", UUID.class)
                .setParameter("client", clientId).setParameter("entity", entity).setParameter("ids", ids)
                .getResultList();
        return Set.copyOf(rows);
    }

    /**
     * The client holds these records, as sent under {@code generation}. In the order of the key, so that a page's
     * rows go into the index's pages one after the other (half the time of a page's ids as they came).
     */
    public void hold(UUID clientId, String entity, Collection<UUID> ids, int generation) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                        insert into sync_held (client_id, entity, entity_id, generation)
                        select :client, :entity, cast(id as uuid), :generation
                        from unnest(string_to_array(:ids, ',')) as id order by 3
                        on conflict (client_id, entity, entity_id) do update set generation = excluded.generation""")
                .setParameter("client", clientId).setParameter("entity", entity)
                .setParameter("ids", ids.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .setParameter("generation", generation).executeUpdate();
    }

    /** The client was told to drop these records. */
    public void release(UUID clientId, String entity, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                        delete from sync_held where client_id = :client and entity = :entity and entity_id in (:ids)""")
                .setParameter("client", clientId).setParameter("entity", entity).setParameter("ids", ids)
                .executeUpdate();
    }

    /** Up to {@code limit} records the client holds from before {@code generation}: not sent again since. */
    public List<Held> heldBefore(UUID clientId, int generation, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select entity, entity_id from sync_held where client_id = :client and generation < :generation
                        order by entity, entity_id limit :limit""")
                .setParameter("client", clientId).setParameter("generation", generation)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new Held((String) row[0], (UUID) row[1])).toList();
    }
}
