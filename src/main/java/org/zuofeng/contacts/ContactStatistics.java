package org.zuofeng.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.statistics.Where;
import org.zuofeng.unit.Units;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register counted over the declarations the caller may read, by the database. To readers who may not read
 * clues, referrals count as declarations under review, as each declaration shows them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContactStatistics {

    private static final String CONTACTS = "BusinessContact e";
    private static final int RANKED = 20;

    private final Aggregates aggregates;
    private final Caller caller;

    public ContactStatistics(Aggregates aggregates, Caller caller) {
        this.aggregates = aggregates;
        this.caller = caller;
    }

    public ContactStatisticsView summary(Period period) {
        Where where = Where.of("e.occurredOn >= :from and e.occurredOn <= :to", Map.of("from", period.from(),
                "to", period.to())).andOfUnit(period, "e.unitId in " + Units.ofPeriod(period));
        Map<String, Long> byFlag = new LinkedHashMap<>();
        for (ContactFlagCode flag : ContactFlagCode.values()) {
            byFlag.put(flag.name(), aggregates.count(CONTACTS, where.and("array_contains(e.flagCodes, :flag)",
                    Map.of("flag", flag.name())), ContactAccess.CONTACTS));
        }
        Map<ContactStatus, Long> byStatus = new EnumMap<>(by("e.status", where, ContactStatus.values()));
        if (Permission.CLUES_READ.roles().stream().noneMatch(caller::hasRole)) {
            byStatus.merge(ContactStatus.DECLARED, byStatus.put(ContactStatus.REFERRED, 0L), Long::sum);
        }
        List<ContactStatisticsView.Business> businesses = aggregates.rows(
                        "select e.creditCode, max(e.businessName), count(distinct e.officialId), count(e)", CONTACTS,
                        where, "group by e.creditCode order by count(distinct e.officialId) desc, count(e) desc,"
                                + " e.creditCode", ContactAccess.CONTACTS, RANKED).stream()
                .map(r -> new ContactStatisticsView.Business((String) r[0], (String) r[1],
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
        return new ContactStatisticsView(period.from(), period.to(), period.unitId(),
                aggregates.count(CONTACTS, where, ContactAccess.CONTACTS),
                aggregates.count(CONTACTS, where.and("e.declaredOn < e.occurredOn", Map.of()), ContactAccess.CONTACTS),
                aggregates.count(CONTACTS, where.and("array_length(e.flagCodes) > 0", Map.of()),
                        ContactAccess.CONTACTS),
                by("e.kind", where, ContactKind.values()), byFlag, byStatus, businesses);
    }

    private <K> Map<K, Long> by(String key, Where where, K[] keys) {
        return Aggregates.byKey(aggregates.rows("select " + key + ", count(e)", CONTACTS, where, "group by " + key,
                ContactAccess.CONTACTS), Arrays.asList(keys));
    }
}
