/**
 * The command line (picocli): import, import-police-uk, generate and hash-password. The benchmark module runs its
 * command through the same launcher.
 */
package org.casetrail.api.cli;
