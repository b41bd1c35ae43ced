/**
 * Wiring: Axon's JDBC event and token stores, serializers and command gateway, the input limits
 * ({@code Limits}), the object mappers and Tomcat's own error answers.
 */
package org.casetrail.api.config;
