package org.casetrail.api.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code casetrail.limits.*}: the largest request body accepted, for imports (streamed to disk, so this is not a
 * memory limit) and for everything else (JSON read into memory).
 */
@ConfigurationProperties("casetrail.limits")
public record RequestLimits(@DefaultValue("1GB") DataSize importBytes, @DefaultValue("1MB") DataSize bodyBytes) {
}
