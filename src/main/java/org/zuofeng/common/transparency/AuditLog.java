package org.zuofeng.common.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Merkle tree over the audit record, as PostgreSQL keeps it: the leaves in commit order, the hash of every
 * perfect subtree, and where the sealer stands. A leaf is the SHA-256 leaf hash of the audit event's canonical text
 * ({@link #CANONICAL}); roots and proofs read the few stored subtrees they need in one statement.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

    /**
     * An audit event as the tree hashes it (alias {@code e}): a JSON object of every column but the log's own, as
     * PostgreSQL writes jsonb (keys ordered by length, then bytes), its time in UTC to the microsecond.
     */
    static final String CANONICAL = """
            jsonb_build_object('id', e.id,
                'occurredAt', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                'actor', e.actor, 'action', e.action, 'entityType', e.entity_type, 'entityId', e.entity_id,
                'entityIds', e.entity_ids, 'before', e.before_image, 'after', e.after_image,
                'requestId', e.request_id, 'clientRequestId', e.client_request_id, 'traceId', e.trace_id)::text""";

    private static final HexFormat HEX = HexFormat.of();

    /** Where the sealer stands: the tree's size and the last event it took, by transaction and position. */
    public record State(long size, long lastXid, long lastPosition) {
    }

    /** An audit event to seal: its id, its place in commit order, and its canonical text. */
    record Pending(UUID id, long xid, long position, String canonical) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public AuditLog(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The state, locked for this transaction; empty while another replica's sealer holds it. */
    Optional<State> lockState() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select size, last_xid, last_position from audit_log_state where id = 1
                        for update skip locked""").getResultList();
        return rows.stream().findFirst().map(AuditLog::state);
    }

    /** The state as it was last committed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public State state() {
        return state((Object[]) em.createNativeQuery(
                "select size, last_xid, last_position from audit_log_state where id = 1").getSingleResult());
    }

    /** Up to {@code limit} events after the state's last, of transactions below {@code horizon}, in commit order. */
    List<Pending> pending(State state, long horizon, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.id, e.log_xid, e.log_position, " + CANONICAL + """

                        from audit_events e
                        where (e.log_xid, e.log_position) > (:xid, :position) and e.log_xid < :horizon
                        order by e.log_xid, e.log_position
                        limit :limit""")
                .setParameter("xid", state.lastXid()).setParameter("position", state.lastPosition())
                .setParameter("horizon", horizon).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Pending((UUID) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), (String) r[3])).toList();
    }

    /**
     * Appends these events as the next leaves: their leaf hashes, and every perfect subtree they complete, in one
     * statement each; then moves the state past them.
     */
    void append(State state, List<Pending> events) {
        Map<Integer, byte[]> frontier = frontier(state.size());
        ArrayNode nodes = json.createArrayNode();
        ArrayNode leaves = json.createArrayNode();
        long size = state.size();
        for (Pending event : events) {
            long index = size++;
            byte[] hash = Merkle.leafHash(event.canonical().getBytes(StandardCharsets.UTF_8));
            leaves.addObject().put("idx", index).put("audit_id", event.id().toString());
            int level = 0;
            long at = index;
            nodes.addObject().put("level", level).put("idx", at).put("hash", HEX.formatHex(hash));
            while ((at & 1) == 1) {
                hash = Merkle.nodeHash(frontier.get(level), hash);
                level++;
                at >>= 1;
                nodes.addObject().put("level", level).put("idx", at).put("hash", HEX.formatHex(hash));
            }
            frontier.put(level, hash);
        }
        em.createNativeQuery("""
                        insert into audit_log_leaves (idx, audit_id)
                        select r.idx, r.audit_id from jsonb_to_recordset(cast(:rows as jsonb)) as r(idx bigint,
                            audit_id uuid)""").setParameter("rows", leaves.toString()).executeUpdate();
        em.createNativeQuery("""
                        insert into audit_log_nodes (level, idx, hash)
                        select r.level, r.idx, decode(r.hash, 'hex')
                        from jsonb_to_recordset(cast(:rows as jsonb)) as r(level smallint, idx bigint, hash text)""")
                .setParameter("rows", nodes.toString()).executeUpdate();
        Pending last = events.getLast();
        em.createNativeQuery("""
                        update audit_log_state set size = :size, last_xid = :xid, last_position = :position
                        where id = 1""")
                .setParameter("size", size).setParameter("xid", last.xid()).setParameter("position", last.position())
                .executeUpdate();
    }

    /** The root of the tree of the first {@code size} leaves. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] root(long size) {
        return compute(nodes -> Merkle.root(nodes, size));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<byte[]> inclusionProof(long index, long size) {
        return compute(nodes -> Merkle.inclusionProof(nodes, index, size));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<byte[]> consistencyProof(long first, long second) {
        return compute(nodes -> Merkle.consistencyProof(nodes, first, second));
    }

    /** The leaf index of an audit event, once sealed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> indexOf(UUID auditId) {
        @SuppressWarnings("unchecked")
        List<Number> found = em.createNativeQuery("select idx from audit_log_leaves where audit_id = :id")
                .setParameter("id", auditId).getResultList();
        return found.stream().findFirst().map(Number::longValue);
    }

    /** The stored leaf hash at {@code index}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] leafHash(long index) {
        return (byte[]) em.createNativeQuery("select hash from audit_log_nodes where level = 0 and idx = :idx")
                .setParameter("idx", index).getSingleResult();
    }

    /**
     * Runs {@code work} twice: once to learn which stored subtrees it needs, then, with them read in one statement,
     * to compute its answer.
     */
    private <T> T compute(Function<Merkle.Nodes, T> work) {
        Set<Long> wanted = new LinkedHashSet<>();
        work.apply((level, index) -> {
            wanted.add(key(level, index));
            return new byte[Merkle.HASH_BYTES];
        });
        Map<Long, byte[]> read = read(wanted);
        return work.apply((level, index) -> {
            byte[] hash = read.get(key(level, index));
            if (hash == null) {
                throw new IllegalStateException("the log has no subtree " + level + "/" + index);
            }
            return hash;
        });
    }

    /** The perfect subtrees on the right edge of a tree of {@code size} leaves, by level: the left siblings to come. */
    private Map<Integer, byte[]> frontier(long size) {
        Set<Long> wanted = new LinkedHashSet<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            long span = 1L << level;
            if ((size & span) != 0) {
                wanted.add(key(level, start / span));
                start += span;
            }
        }
        Map<Integer, byte[]> byLevel = new HashMap<>();
        read(wanted).forEach((key, hash) -> byLevel.put((int) (key >>> 56), hash));
        return byLevel;
    }

    private Map<Long, byte[]> read(Set<Long> keys) {
        Map<Long, byte[]> read = new HashMap<>();
        if (keys.isEmpty()) {
            return read;
        }
        ArrayNode wanted = json.createArrayNode();
        keys.forEach(k -> wanted.addObject().put("level", k >>> 56).put("idx", k & ((1L << 56) - 1)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select n.level, n.idx, n.hash from audit_log_nodes n
                        join jsonb_to_recordset(cast(:wanted as jsonb)) as w(level smallint, idx bigint)
                          on n.level = w.level and n.idx = w.idx""")
                .setParameter("wanted", wanted.toString()).getResultList();
        rows.forEach(r -> read.put(key(((Number) r[0]).intValue(), ((Number) r[1]).longValue()), (byte[]) r[2]));
        return read;
    }

    /** A subtree's key: its level in the top byte, its index below (a log of 2^56 leaves is far off). */
    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    private static State state(Object[] row) {
        return new State(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
