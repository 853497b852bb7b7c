package org.zuofeng.common.problem;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/** The language of a problem's texts: Chinese when the client's Accept-Language prefers it to English. */
public final class ProblemLanguage {

    private ProblemLanguage() {
    }

    public static boolean prefersChinese(HttpHeaders headers) {
        if (headers == null || headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return false;
        }
        try {
            for (Locale locale : headers.getAcceptableLanguages()) {
                if ("zh".equals(locale.getLanguage())) {
                    return true;
                }
                if ("en".equals(locale.getLanguage())) {
                    return false;
                }
            }
        } catch (RuntimeException malformedHeader) {
            return false;
        }
        return false;
    }
}
