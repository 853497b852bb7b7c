package org.zuofeng.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.zuofeng.client.java.ApiClient;
import org.zuofeng.client.java.ApiException;
import org.zuofeng.client.java.ApiResponse;
import org.zuofeng.client.java.api.FindingsApi;
import org.zuofeng.client.java.api.InspectionsApi;
import org.zuofeng.client.java.api.MeApi;
import org.zuofeng.client.java.api.UnitsApi;
import org.zuofeng.client.java.model.Defect;
import org.zuofeng.client.java.model.Finding;
import org.zuofeng.client.java.model.FindingCategory;
import org.zuofeng.client.java.model.FindingWrite;
import org.zuofeng.client.java.model.LocationWrite;
import org.zuofeng.client.java.model.Me;
import org.zuofeng.client.java.model.Problem;
import org.zuofeng.client.java.model.Severity;
import org.zuofeng.client.java.model.Unit;
import org.zuofeng.client.java.model.UnitPage;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What another system written in Java does with the client openapi-generator's {@code java} generator (library
 * {@code native}: the JDK's HttpClient and Jackson) makes of the contract: sign in with a bearer token, list units page
 * by page, record a finding with an {@code Idempotency-Key} and send it again, and read a problem. The same calls as
 * openapi/client/examples/units-and-finding.ts; ClientExamplesIT runs both against the packaged jar.
 *
 * <p>The client is generated into target/ by {@code ./mvnw generate-test-sources} (see openapi/README.md).
 */
public final class JavaClientExample {

    /** What the example saw: who signed in, the active units, a finding recorded twice, the problem read. */
    public record Outcome(Me me, List<Unit> units, int pages, ApiResponse<Finding> created,
            ApiResponse<Finding> replayed, Problem problem) {
    }

    private final ApiClient client = new ApiClient();
    private final PrintStream out;
    private int pageSize = 200;

    /**
     * A client of the API served at {@code baseUrl} (without {@code /api/v1}) that sends {@code token}'s current
     * value, an OIDC access token whose {@code aud} names {@code zuofeng-api}, as a bearer token with every request.
     */
    public JavaClientExample(String baseUrl, Supplier<String> token, PrintStream out) {
        client.updateBaseUri(baseUrl.replaceAll("/+$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token.get()));
        this.out = out;
    }

    /** Asks for pages of {@code size} units (200 unless said). */
    public JavaClientExample pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** Runs the example against {@code inspectionId}, an inspection IN_PROGRESS of whose team the token's user is. */
    public Outcome run(UUID inspectionId) throws ApiException {
        // Who the token says we are.
        Me me = new MeApi(client).getMe();
        out.println("signed in as " + me.getSubject() + " (" + String.join(", ", me.getRoles()) + ")");

        // Every active unit, a page at a time: `next` is the cursor of the following page, absent on the last one.
        UnitsApi units = new UnitsApi(client);
        List<Unit> active = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            UnitPage page = units.listUnits(null, null, null, "ACTIVE", null, null, pageSize, cursor, null, "code");
            active.addAll(page.getItems());
            cursor = page.getNext();
            pages++;
        } while (cursor != null);
        out.println(active.size() + " active units in " + pages + " pages");

        // A finding about the inspection's first target unit.
        UUID unitId = new InspectionsApi(client).getInspection(inspectionId, null).getTargetUnitIds().getFirst();
        FindingWrite finding = new FindingWrite()
                .unitId(unitId)
                .category(FindingCategory.INACTION)
                .defects(new LinkedHashSet<>(List.of(Defect.LAZINESS, Defect.LAXITY)))
                .severity(Severity.MODERATE)
                .title("上班时间窗口无人")
                .observedAt(OffsetDateTime.now().minusMinutes(5)) // not in the future
                .location(new LocationWrite().latitude(new BigDecimal("22.543096"))
                        .longitude(new BigDecimal("114.057865")).address("行政服务大厅 3 号窗口"));
        // One key for this finding: sending the same request again with it (after a timeout, say) records it once.
        UUID key = UUID.randomUUID();
        FindingsApi findings = new FindingsApi(client);
        ApiResponse<Finding> created = findings.createFindingWithHttpInfo(inspectionId, finding, key);
        out.println("finding " + created.getData().getId() + " is " + created.getData().getStatus() + ", ETag "
                + header(created, "ETag"));
        ApiResponse<Finding> replayed = findings.createFindingWithHttpInfo(inspectionId, finding, key);
        out.println("sent again: finding " + replayed.getData().getId() + ", Idempotency-Replayed "
                + header(replayed, "Idempotency-Replayed"));

        // A problem: a finding observed tomorrow is refused, and the answer says which member is wrong.
        Problem problem = problemOf(() -> findings.createFinding(inspectionId,
                finding.observedAt(OffsetDateTime.now().plusDays(1)), UUID.randomUUID()));
        out.println("refused: " + problem.getStatus() + " " + problem.getCode() + " " + problem.getTitle()
                + (problem.getErrors().isEmpty() ? "" : " at " + problem.getErrors().getFirst().getPointer()));
        return new Outcome(me, active, pages, created, replayed, problem);
    }

    /** A call that the API is expected to refuse. */
    @FunctionalInterface
    public interface Refused {
        void call() throws ApiException;
    }

    /** The RFC 9457 problem the API answered {@code call} with, as the generated model. */
    public Problem problemOf(Refused call) throws ApiException {
        try {
            call.call();
        } catch (ApiException e) {
            if (e.getResponseBody() == null || e.getResponseBody().isEmpty()) {
                throw e;
            }
            try {
                return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
            } catch (JsonProcessingException notAProblem) {
                e.addSuppressed(notAProblem);
                throw e;
            }
        }
        throw new IllegalStateException("the call was not refused");
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst().orElse(null);
    }

    /** ZUOFENG_URL, ZUOFENG_TOKEN and ZUOFENG_INSPECTION_ID as for the TypeScript example. */
    public static void main(String[] args) throws ApiException {
        String url = System.getenv().getOrDefault("ZUOFENG_URL", "http://localhost:8080");
        String token = required("ZUOFENG_TOKEN");
        new JavaClientExample(url, () -> token, System.out).run(UUID.fromString(required("ZUOFENG_INSPECTION_ID")));
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
