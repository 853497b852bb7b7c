package org.zuofeng.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/events}: every change other systems may follow, as CloudEvents in commit order, from a cursor;
 * each reader sees the events of the records it may read, as it would read them.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.EVENTS_READ)
public class EventsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_WAIT_SECONDS = 30;
    private static final Pattern TYPE = Pattern.compile("org\\.zuofeng\\.[a-z_]+\\.[a-z_]+");

    private final EventFeed feed;

    public EventsResource(EventFeed feed) {
        this.feed = feed;
    }

    @GET
    // An answer to come is non-blocking to Quarkus REST, but the first read blocks; the wait holds no thread.
    @Blocking
    public CompletionStage<EventsPage> events(@QueryParam("cursor") @Size(max = 1024) String cursor,
            @QueryParam("limit") @Min(1) Integer limit,
            @QueryParam("types") @Size(max = 2048) String types,
            @QueryParam("wait") @Min(0) @Max(MAX_WAIT_SECONDS) Integer wait) {
        return feed.read(cursor == null || cursor.isBlank() ? null : cursor,
                limit == null ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT), types(types), wait == null ? 0 : wait);
    }

    private List<String> types(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<String> types = Arrays.stream(list.split(",")).map(String::trim).filter(t -> !t.isEmpty()).distinct()
                .toList();
        for (String type : types) {
            if (!TYPE.matcher(type).matches() || !feed.knownKind(type)) {
                throw ProblemException.invalidParameter("types", Text.of("field.eventTypeOrgZuofengKind", type));
            }
        }
        return types;
    }
}
