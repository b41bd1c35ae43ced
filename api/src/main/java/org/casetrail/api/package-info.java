/**
 * The Spring Boot application: HTTP, access control, import, the command line and the dashboard. Each package is one
 * feature; {@code ModularityTest} holds their boundaries.
 */
package org.casetrail.api;
