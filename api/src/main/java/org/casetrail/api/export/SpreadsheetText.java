package org.casetrail.api.export;

/**
 * Keeps text in an export from being run as a spreadsheet formula (OWASP, CSV injection): text that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, which spreadsheets
 * read as "this is text". Numbers are written as numbers and never pass through here.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + text : text;
    }
}
