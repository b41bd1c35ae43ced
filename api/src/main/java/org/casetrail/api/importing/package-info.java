/**
 * The one import path: stage a file, check all of it, apply it in one transaction; the import queue and
 * uploads.
 */
package org.casetrail.api.importing;
