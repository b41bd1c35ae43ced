/**
 * Publications: figures frozen at a store position, their revisions, and their protected public form.
 */
package org.casetrail.api.publications;
