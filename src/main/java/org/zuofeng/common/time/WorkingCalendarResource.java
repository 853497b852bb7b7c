package org.zuofeng.common.time;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

/**
 * {@code /api/v1/working-calendar/{year}}: the year's public holidays and make-up working days, which deadlines in
 * working days count with; loaded by an admin as the State Council publishes them, read by everyone.
 */
@Path("/api/v1/working-calendar/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.CALENDAR_READ)
@Idempotent
public class WorkingCalendarResource {

    private final WorkingDays days;

    public WorkingCalendarResource(WorkingDays days) {
        this.days = days;
    }

    @GET
    public CalendarView get(@PathParam("year") @Min(2000) @Max(2200) int year) {
        return days.year(year);
    }

    /** Replaces the year's days set apart. */
    @PUT
    @Requires(Permission.CALENDAR_WRITE)
    public CalendarView replace(@PathParam("year") @Min(2000) @Max(2200) int year,
            @Valid @NotNull CalendarWrite body) {
        return days.replace(year, body);
    }
}
