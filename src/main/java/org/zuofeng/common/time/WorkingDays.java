package org.zuofeng.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Working days, for deadlines the rules count in them: Monday to Friday, less the year's public holidays, plus its
 * make-up working days (调休), as an operator loads them per year. A year without a calendar counts weekends only.
 */
@ApplicationScoped
@Transactional
public class WorkingDays {

    /** The longest span a deadline looks at: a year and a bit, whatever the count. */
    private static final int MAX_DAYS = 400;

    private final EntityManager em;
    private final AuditTrail audit;

    public WorkingDays(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    /** The day {@code count} working days after {@code from} (from itself not counted). */
    public LocalDate after(LocalDate from, int count) {
        Map<LocalDate, DayKind> set = em.createQuery("select d from CalendarDay d where d.day > :from and d.day <= :to",
                        CalendarDay.class).setParameter("from", from).setParameter("to", from.plusDays(MAX_DAYS))
                .getResultStream().collect(Collectors.toMap(d -> d.day, d -> d.kind));
        LocalDate day = from;
        for (int worked = 0; worked < count; ) {
            day = day.plusDays(1);
            DayKind kind = set.get(day);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (kind == DayKind.WORKDAY || kind == null && !weekend) {
                worked++;
            }
        }
        return day;
    }

    /** The year's days set apart. */
    public CalendarView year(int year) {
        return new CalendarView(year, em.createQuery("select d from CalendarDay d where d.day between :first and :last"
                        + " order by d.day", CalendarDay.class)
                .setParameter("first", LocalDate.of(year, 1, 1)).setParameter("last", LocalDate.of(year, 12, 31))
                .getResultStream().map(d -> new CalendarWrite.Day(d.day, d.kind, d.name)).toList());
    }

    /**
     * Replaces the year's days set apart. Deadlines already set keep their dates; those set from now on count with
     * the new calendar.
     */
    public CalendarView replace(int year, CalendarWrite write) {
        List<FieldError> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < write.days().size(); i++) {
            LocalDate date = write.days().get(i).date();
            if (date.getYear() != year) {
                errors.add(FieldError.atPointer("/days/" + i + "/date", Text.of("time.dayOutsideYear", year)));
            } else if (!seen.add(date)) {
                errors.add(FieldError.atPointer("/days/" + i + "/date", Text.of("time.dayGivenTwice")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CalendarView before = year(year);
        em.createQuery("delete from CalendarDay d where d.day between :first and :last")
                .setParameter("first", LocalDate.of(year, 1, 1)).setParameter("last", LocalDate.of(year, 12, 31))
                .executeUpdate();
        for (CalendarWrite.Day given : write.days()) {
            CalendarDay day = new CalendarDay();
            day.day = given.date();
            day.kind = given.kind();
            day.name = given.name().strip();
            em.persist(day);
        }
        em.flush();
        CalendarView after = year(year);
        audit.record("REPLACE", "working-calendar", null, before, after);
        return after;
    }
}
