package org.zuofeng.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Entry points for requests in tests: as a caller with roles (a real signed token), anonymously, or deliberately
 * malformed; every request and response is validated against the contract.
 */
public final class Api {

    private Api() {
    }

    /** A request by {@code subject} holding {@code roles}. */
    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given()
                .filter(Contract.STRICT)
                .auth().oauth2(Tokens.token(subject, roles))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as("admin-1", "admin");
    }

    public static RequestSpecification asHr() {
        return as("hr-1", "hr");
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().filter(Contract.STRICT).accept(ContentType.JSON);
    }

    /**
     * An upload of raw bytes by {@code subject}: its media type, headers and the JSON answer are held to the
     * contract.
     */
    public static RequestSpecification uploadAs(String subject, String mediaType, byte[] content, String... roles) {
        return RestAssured.given()
                .filter(Contract.STRICT)
                .auth().oauth2(Tokens.token(subject, roles))
                .contentType(mediaType)
                .header("Content-Digest", Media.digest(content))
                .accept(ContentType.JSON)
                .body(content);
    }

    /** A deliberately invalid upload by {@code subject} (an undocumented type, say): only the answer is checked. */
    public static RequestSpecification invalidUploadAs(String subject, String mediaType, byte[] content,
            String... roles) {
        return uploadAs(subject, mediaType, content, roles).noFilters().filter(Contract.RESPONSES_ONLY);
    }

    /** A binary download by {@code subject}: request, status, media type and headers held to the contract. */
    public static RequestSpecification downloadAs(String subject, String... roles) {
        return RestAssured.given().filter(Contract.STRICT).auth().oauth2(Tokens.token(subject, roles));
    }

    /** A deliberately invalid request by {@code subject}: only the response is held to the contract. */
    public static RequestSpecification invalidAs(String subject, String... roles) {
        return RestAssured.given()
                .filter(Contract.RESPONSES_ONLY)
                .auth().oauth2(Tokens.token(subject, roles))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
