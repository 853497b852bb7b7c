// The field app's first calls on the Kotlin client generated from the contract (openapi-generator's `kotlin`,
// library jvm-okhttp4, Moshi): sign in with a token, list units page by page, record a finding with an
// Idempotency-Key and read a problem. Compiled in CI against the generated client, so a contract change that breaks
// these calls fails the build; the same calls as openapi/client/examples/units-and-finding.ts.
//
//   ./mvnw -B -f openapi/clients/kotlin/pom.xml verify
package org.zuofeng.clients.kotlin

import org.zuofeng.client.kotlin.apis.FindingsApi
import org.zuofeng.client.kotlin.apis.InspectionsApi
import org.zuofeng.client.kotlin.apis.MeApi
import org.zuofeng.client.kotlin.apis.UnitsApi
import org.zuofeng.client.kotlin.infrastructure.ApiClient
import org.zuofeng.client.kotlin.infrastructure.ClientError
import org.zuofeng.client.kotlin.infrastructure.ClientException
import org.zuofeng.client.kotlin.infrastructure.Serializer
import org.zuofeng.client.kotlin.infrastructure.Success
import org.zuofeng.client.kotlin.models.Defect
import org.zuofeng.client.kotlin.models.Finding
import org.zuofeng.client.kotlin.models.FindingCategory
import org.zuofeng.client.kotlin.models.FindingWrite
import org.zuofeng.client.kotlin.models.LocationWrite
import org.zuofeng.client.kotlin.models.Problem
import org.zuofeng.client.kotlin.models.Severity
import org.zuofeng.client.kotlin.models.Unit as OrgUnit
import java.math.BigDecimal
import java.time.OffsetDateTime
import java.util.UUID

/** The RFC 9457 problem an API call was refused with, as the generated model; null when the answer is none. */
fun problemOf(refusal: ClientException): Problem? {
    val body = (refusal.response as? ClientError<*>)?.body as? String ?: return null
    return Serializer.moshi.adapter(Problem::class.java).fromJson(body)
}

/** Every active unit, a page at a time: `next` is the cursor of the following page, absent on the last one. */
fun activeUnits(units: UnitsApi): List<OrgUnit> {
    val all = mutableListOf<OrgUnit>()
    var cursor: String? = null
    do {
        val page = units.listUnits(status = "ACTIVE", sort = "code", limit = 200, cursor = cursor)
        all += page.items
        cursor = page.next
    } while (cursor != null)
    return all
}

fun main() {
    val baseUrl = (System.getenv("ZUOFENG_URL") ?: "http://localhost:8080").trimEnd('/')
    val token = System.getenv("ZUOFENG_TOKEN") ?: error("ZUOFENG_TOKEN is not set")
    val inspectionId = UUID.fromString(
        System.getenv("ZUOFENG_INSPECTION_ID") ?: error("ZUOFENG_INSPECTION_ID is not set"))
    // An app passes the token its OIDC library (AppAuth, say) keeps fresh; every request sends it as a bearer token.
    ApiClient.accessToken = token

    val me = MeApi(baseUrl).getMe()
    println("signed in as ${me.subject} (${me.roles.joinToString()})")

    for (unit in activeUnits(UnitsApi(baseUrl))) println("${unit.code}\t${unit.type}\t${unit.name}")

    val unitId = InspectionsApi(baseUrl).getInspection(inspectionId).targetUnitIds.first()
    val finding = FindingWrite(
        unitId = unitId,
        category = FindingCategory.INACTION,
        defects = setOf(Defect.LAZINESS, Defect.LAXITY),
        severity = Severity.MODERATE,
        title = "上班时间窗口无人",
        observedAt = OffsetDateTime.now().minusMinutes(5), // not in the future
        location = LocationWrite(BigDecimal("22.543096"), BigDecimal("114.057865"), "行政服务大厅 3 号窗口"),
    )
    // One key for this finding: sending the same request again with it (after a timeout, say) records it only once.
    val key = UUID.randomUUID()
    val findings = FindingsApi(baseUrl)
    val created = findings.createFindingWithHttpInfo(inspectionId, finding, key) as Success<*>
    val recorded = created.data as Finding
    println("finding ${recorded.id} is ${recorded.status}, ETag ${created.headers["ETag"]?.firstOrNull()}")
    val again = findings.createFindingWithHttpInfo(inspectionId, finding, key)
    println("sent again: Idempotency-Replayed ${again.headers["Idempotency-Replayed"]?.firstOrNull()}")

    // A problem: a finding observed tomorrow is refused, and the answer says which member is wrong.
    try {
        findings.createFinding(inspectionId, finding.copy(observedAt = OffsetDateTime.now().plusDays(1)))
        error("a finding observed tomorrow was recorded")
    } catch (refusal: ClientException) {
        val problem = problemOf(refusal) ?: throw refusal
        val member = problem.errors?.firstOrNull()?.pointer
        println("refused: ${problem.status} ${problem.code} ${problem.title} at $member")
    }
}
