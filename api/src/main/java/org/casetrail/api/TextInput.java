package org.casetrail.api;

import org.casetrail.core.InvalidParameterException;

/**
 * Free text a caller sends (a definition's label, a publication's name): bounded in length and free of control
 * characters (line breaks and tabs allowed where the text may run over lines), so that the store can always hold it.
 */
public final class TextInput {

    private TextInput() {
    }

    public static String checked(String parameter, String value, int maxChars, boolean multiline) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxChars) {
            throw new InvalidParameterException(parameter, parameter + " is " + value.length()
                    + " characters long; at most " + maxChars);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(multiline && lineBreak)) {
                throw new InvalidParameterException(parameter, parameter + " holds a control character (U+"
                        + String.format("%04X", (int) c) + ") at position " + (i + 1));
            }
        }
        return value;
    }
}
