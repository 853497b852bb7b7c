package org.zuofeng.contacts;

/**
 * 统一社会信用代码, as GB 32100-2015 defines it: 18 characters of the alphabet {@code 0-9 A-H J-N P-R T U W-Y} (no
 * I, O, S, V or Z): the registering authority, the kind of entity, the six-digit administrative division, the nine
 * characters of the organisation code, and a check character, the weighted sum modulo 31 of the first seventeen.
 */
final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /**
     * The kind of the first rule {@code code} breaks: {@code CREDIT_CODE_FORMAT} (not 18 characters of the alphabet,
     * or a division code that is not six digits) or {@code CREDIT_CODE_CHECK_CHARACTER}; null when it is valid.
     */
    static String problemOf(String code) {
        if (code.length() != 18 || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)
                || !code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return "CREDIT_CODE_FORMAT";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31) == code.charAt(17) ? null : "CREDIT_CODE_CHECK_CHARACTER";
    }
}
