/**
 * The command line (picocli): import, import-police-uk, generate, hash-password and benchmark.
 */
package org.casetrail.api.cli;
